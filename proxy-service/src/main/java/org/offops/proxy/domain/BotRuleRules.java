package org.offops.proxy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What a bot rule must be: a strict name, at least one pattern, regexes that compile on one line, sane times. */
public final class BotRuleRules {

    private BotRuleRules() {
    }

    public static List<Violation> check(BotRule rule) {
        List<Violation> out = new ArrayList<>();
        if (rule.name() == null || !SiteRules.NAME.matcher(rule.name()).matches()) {
            out.add(new Violation("name", "must match " + SiteRules.NAME));
        }
        if (rule.userAgents().isEmpty() && rule.paths().isEmpty()) {
            out.add(new Violation("userAgents", "a bot rule needs at least one user-agent or path pattern"));
        }
        rule.userAgents().forEach(p -> regex(out, "userAgents", p));
        rule.paths().forEach(p -> {
            regex(out, "paths", p);
            if (p != null && !p.startsWith("/")) {
                out.add(new Violation("paths", "a path pattern starts with '/'"));
            }
        });
        if (rule.findTimeSeconds() < 1 || rule.maxRetry() < 1) {
            out.add(new Violation("findTimeSeconds", "findTimeSeconds and maxRetry must be positive"));
        }
        if (rule.banTimeSeconds() != -1 && rule.banTimeSeconds() < 1) {
            out.add(new Violation("banTimeSeconds", "must be positive, or -1 for a ban that never ends"));
        }
        return out;
    }

    private static void regex(List<Violation> out, String field, String pattern) {
        // a quote would end the log field the filter matches; control characters would end the config line
        if (pattern == null || pattern.isEmpty() || pattern.length() > 200
                || pattern.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"')) {
            out.add(new Violation(field, "a pattern is 1..200 characters without quotes or control characters"));
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            out.add(new Violation(field, "'" + pattern + "' is not a regular expression: " + e.getDescription()));
        }
    }
}
