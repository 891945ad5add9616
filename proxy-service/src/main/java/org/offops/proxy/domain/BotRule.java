package org.offops.proxy.domain;

import java.util.List;

/**
 * A fail2ban jail against a kind of bot: access-log lines whose user agent matches one of {@code userAgents} or
 * whose request path matches one of {@code paths} (Java/Python-compatible regular expressions) count as failures;
 * {@code maxRetry} of them within {@code findTimeSeconds} ban the client for {@code banTimeSeconds} (-1: forever).
 */
public record BotRule(
        String name,
        List<String> userAgents,
        List<String> paths,
        int findTimeSeconds,
        int maxRetry,
        int banTimeSeconds) {

    public BotRule {
        userAgents = userAgents == null ? List.of() : List.copyOf(userAgents);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /** The jail's name on the host, also its filter's name. */
    public String jail() {
        return "offops-" + name;
    }
}
