package org.offops.storage.domain.mount;

import java.util.Optional;

/** Path rules for both ends of a bind mount, and the "is inside" relation that decides mount order. */
public final class MountPaths {

    private MountPaths() {
    }

    /**
     * Why a path cannot be one end of a mount, or empty when it can: absolute, normalized (no {@code ..}, {@code .},
     * {@code //} or trailing slash), no comma (it would split Proxmox's property string), no control character or
     * blank, and not {@code /} itself.
     */
    public static Optional<String> problem(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("is required");
        }
        if (!path.startsWith("/")) {
            return Optional.of("must be an absolute path (got '" + path + "')");
        }
        if (path.equals("/")) {
            return Optional.of("must not be / itself");
        }
        if (path.length() > 4096 || path.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == ',')) {
            return Optional.of("must be at most 4096 characters without blanks, control characters or commas");
        }
        for (String part : path.substring(1).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return Optional.of("must be normalized: no '..', '.', '//' or trailing '/' (got '" + path + "')");
            }
        }
        return Optional.empty();
    }

    /** True when {@code inner} lies strictly below {@code outer} (mounting outer later would cover inner). */
    public static boolean inside(String inner, String outer) {
        return inner.startsWith(outer + "/");
    }

    static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
