package org.offops.deploy.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of a GitHub {@code release} event payload that matter for a deployment. */
public record GithubRelease(
        String action,
        String tag,
        String name,
        boolean draft,
        boolean prerelease,
        String assetUrl,
        String publishedBy) {

    /** Reads the payload; {@code assetName} selects the asset whose download URL is kept (null when absent). */
    public static GithubRelease from(JsonNode root, String assetName) {
        JsonNode release = root.path("release");
        String assetUrl = null;
        for (JsonNode asset : release.path("assets")) {
            if (assetName.equals(asset.path("name").asText(null))) {
                assetUrl = asset.path("browser_download_url").asText(null);
                break;
            }
        }
        String author = release.path("author").path("login").asText(null);
        String login = author != null ? author : root.path("sender").path("login").asText(null);
        return new GithubRelease(root.path("action").asText(null), release.path("tag_name").asText(null),
                release.path("name").asText(null), release.path("draft").asBoolean(false),
                release.path("prerelease").asBoolean(false), assetUrl, login);
    }

    public boolean published() {
        return "published".equals(action);
    }

    /** Whether this release deploys: drafts and prereleases only when the configuration allows them. */
    public boolean deployable(boolean deployPrereleases) {
        return published() && (deployPrereleases || !(draft || prerelease));
    }
}
