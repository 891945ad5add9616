package org.offops.storage.api;

import org.offops.platform.api.ApiException;
import org.offops.storage.domain.mount.MountPaths;

/**
 * A bind mount to configure: the dataset (id), the container (name, from the fleet view) and optionally the path
 * inside the container (default {@code /mnt/<flavor>/<kind>}, the flavor being the dataset's, else the container's).
 */
public record MountRequest(Long dataset, String container, String containerPath) {

    private static final String CONTAINER = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

    /** Refuses a malformed request naming the field; the path rules are the planner's own. */
    public MountRequest validated() {
        if (dataset == null) {
            throw ApiException.badRequest("dataset (the dataset id) is required", "dataset");
        }
        if (container == null || !container.matches(CONTAINER)) {
            throw ApiException.badRequest("container must be a container name such as off or off-pro", "container");
        }
        if (containerPath != null) {
            MountPaths.problem(containerPath).ifPresent(p -> {
                throw ApiException.badRequest("containerPath " + p, "containerPath");
            });
        }
        return this;
    }

    /** The path inside the container: the requested one, else {@code /mnt/<flavor>/<kind>}. */
    public String pathFor(String datasetFlavor, String containerFlavor, String kind) {
        if (containerPath != null) {
            return containerPath;
        }
        String flavor = datasetFlavor != null ? datasetFlavor : containerFlavor;
        if (flavor == null) {
            throw ApiException.badRequest("containerPath is required: neither the dataset nor the container has a"
                    + " flavor for the default /mnt/<flavor>/<kind>", "containerPath");
        }
        return "/mnt/" + flavor + "/" + kind;
    }
}
