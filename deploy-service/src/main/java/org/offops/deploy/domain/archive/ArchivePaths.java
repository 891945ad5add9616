package org.offops.deploy.domain.archive;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path rules for archive entries and link targets, all relative to the extraction root. */
final class ArchivePaths {

    private ArchivePaths() {
    }

    static void checkName(String name) throws ArchiveRefused {
        if (name == null || name.isEmpty()) {
            throw new ArchiveRefused(name, "has no name");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ArchiveRefused(printable(name), "contains control characters");
        }
        if (name.startsWith("/")) {
            throw new ArchiveRefused(name, "is an absolute path");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new ArchiveRefused(name, "contains '..'");
            }
        }
    }

    /**
     * A symlink's target is relative to the link's directory, a hard link's to the root. Any {@code ..} is refused,
     * not only one that leaves the root lexically: through a chain of other links a lexically harmless {@code ..}
     * can still climb out, while a target made only of descending names never can.
     */
    static void checkLink(String name, String target, boolean symbolic) throws ArchiveRefused {
        if (target == null || target.isEmpty()) {
            throw new ArchiveRefused(name, "is a link without a target");
        }
        if (target.startsWith("/")) {
            throw new ArchiveRefused(name, "links to the absolute path " + printable(target));
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String base = symbolic && path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        if (escapes(base + target)) {
            throw new ArchiveRefused(name, "links outside the archive (" + printable(target) + ")");
        }
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                throw new ArchiveRefused(name, "links through '..' (" + printable(target) + ")");
            }
        }
    }

    private static boolean escapes(String relative) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return true;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return false;
    }

    private static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}]", "?");
    }
}
