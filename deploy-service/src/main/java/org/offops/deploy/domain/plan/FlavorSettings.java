package org.offops.deploy.domain.plan;

import java.util.List;

/**
 * How a flavor is deployed: code and static paths, build commands (argv, run in the code path), units in restart
 * order, how many static releases to keep and the backend's health path.
 */
public record FlavorSettings(String codePath, String staticPath, List<List<String>> build, List<String> units,
                             int keepReleases, String healthPath) {

    public FlavorSettings {
        build = build.stream().map(List::copyOf).toList();
        units = List.copyOf(units);
        if (keepReleases < 1) {
            throw new IllegalArgumentException("keep-releases must be at least 1");
        }
    }

    /** Where the static releases live: {@code /srv/off-static} keeps them in {@code /srv/off-static-releases}. */
    public String releasesDir() {
        return staticPath + "-releases";
    }
}
