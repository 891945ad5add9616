package org.offops.deploy.domain.plan;

/** The release being deployed: its tag and the static archive's URL (null when the release has none). */
public record Release(String tag, String assetUrl) {
}
