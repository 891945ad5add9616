package org.offops.proxy.exec;

import java.util.List;
import org.offops.proxy.domain.PlannedFile;

/**
 * The outcome of a change on one host: {@code dry-run}, {@code unchanged}, {@code applied} (with the git commit) or
 * {@code rejected} (with nginx's or fail2ban's error in {@code message}); {@code files} is the plan.
 */
public record HostResult(String host, String status, List<PlannedFile> files, String commitId, String message) {

    public static final String DRY_RUN = "dry-run";
    public static final String UNCHANGED = "unchanged";
    public static final String APPLIED = "applied";
    public static final String REJECTED = "rejected";

    public HostResult {
        files = List.copyOf(files);
    }
}
