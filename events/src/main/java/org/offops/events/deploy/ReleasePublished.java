package org.offops.events.deploy;

import java.util.List;
import org.offops.events.OffopsEvent;

/** A Product Opener release was published on GitHub and accepted for deployment to {@code flavors}. */
public record ReleasePublished(
        String repository,
        String tag,
        String releaseName,
        String assetUrl,
        List<String> flavors,
        String deliveryId,
        String publishedBy) implements OffopsEvent {

    public static final String TYPE = "offops.deploy.ReleasePublished";

    public ReleasePublished {
        flavors = flavors == null ? null : List.copyOf(flavors);
    }
}
