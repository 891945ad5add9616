package org.offops.proxy.domain;

import java.util.List;

/** What applying a rendered configuration to {@code host} changes, file by file: the answer to {@code ?dryRun=true}. */
public record ProxyPlan(String host, List<PlannedFile> files) {

    public ProxyPlan {
        files = List.copyOf(files);
    }

    public boolean changesAnything() {
        return files.stream().anyMatch(PlannedFile::changes);
    }

    public List<PlannedFile> writes() {
        return files.stream().filter(f -> f.action() == FileAction.CREATE || f.action() == FileAction.UPDATE).toList();
    }

    public List<PlannedFile> deletions() {
        return files.stream().filter(f -> f.action() == FileAction.DELETE).toList();
    }

    /** Whether a fail2ban file changes, so fail2ban must be reloaded. */
    public boolean touchesFail2ban() {
        return files.stream().anyMatch(f -> f.changes() && f.path().startsWith(ProxyConfig.FAIL2BAN_DIR));
    }
}
