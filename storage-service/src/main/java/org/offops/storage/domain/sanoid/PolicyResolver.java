package org.offops.storage.domain.sanoid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * Turns sanoid.conf sections into the effective policy per dataset exactly as sanoid 2.1.0's init() does: defaults,
 * then template_default, then use_template in order, then the section's own keys; recursive copies to children.
 */
public final class PolicyResolver {

    static final Set<String> TOGGLES = Set.of("autosnap", "autoprune", "recursive", "process_children_only",
            "skip_children", "monitor", "monitor_dont_warn", "monitor_dont_crit", "no_inconsistent_snapshot",
            "force_post_snapshot_script");
    private static final List<String> TRUE = List.of("1", "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON");
    private static final List<String> FALSE = List.of("0", "false", "False", "FALSE", "no", "No", "NO", "off", "Off",
            "OFF");
    private static final Map<String, String> DEFAULTS = Map.of("frequent_period", "15", "autoprune", "yes",
            "frequently", "0", "hourly", "48", "daily", "90", "weekly", "0", "monthly", "6", "yearly", "0",
            "autosnap", "1");

    private PolicyResolver() {
    }

    /** The effective policy of each dataset sanoid would act on, given the datasets that exist (for recursion). */
    public static Map<String, SnapshotPolicy> resolve(SanoidConf conf, List<String> datasets) {
        Map<String, SnapshotPolicy> policies = new LinkedHashMap<>();
        // parents before children, so a child's own section wins (sanoid 2.1.0: hash order; reported as ambiguous)
        List<String> names = conf.modules().stream().map(SanoidSection::name).distinct().sorted().toList();
        for (String name : names) {
            SnapshotPolicy policy = policyOf(conf, name);
            String recursive = merged(conf, name).getOrDefault("recursive", "");
            if (isTrue(recursive) || recursive.toLowerCase().contains("zfs")) {
                for (String child : datasets) {
                    if (child.startsWith(name + "/")) {
                        policies.put(child, policy.withChildFlags());
                    }
                }
            }
            policies.put(name, policy);
        }
        return policies;
    }

    /** One section's own effective policy (no recursion into datasets). */
    public static SnapshotPolicy policyOf(SanoidConf conf, String section) {
        return toPolicy(effective(conf, section), merged(conf, section).getOrDefault("recursive", ""));
    }

    private static Map<String, String> effective(SanoidConf conf, String name) {
        Map<String, String> keys = new HashMap<>(DEFAULTS);
        conf.template("default").ifPresent(t -> t.settings().stream()
                .filter(s -> !s.key().matches(".*(template|recursive).*")).forEach(s -> keys.put(s.key(), s.value())));
        Map<String, String> own = merged(conf, name);
        String use = own.get("use_template");
        if (use != null) {
            for (String raw : use.split(" *, *")) {
                conf.template(raw.strip()).ifPresent(t -> single(t.settings()).forEach((k, v) -> {
                    if (!k.matches(".*(template|recursive).*")) {
                        keys.put(k, v);
                    }
                }));
            }
        }
        own.forEach((k, v) -> {
            if (!k.matches(".*(template|recursive|skip_children).*")) {
                keys.put(k, v);
            }
        });
        return keys;
    }

    /** The section's keys as Config::IniFiles gives them: duplicated sections merged, a key set twice unusable. */
    private static Map<String, String> merged(SanoidConf conf, String name) {
        List<SanoidSetting> all = new ArrayList<>();
        conf.all(name).forEach(s -> all.addAll(s.settings()));
        return single(all);
    }

    private static Map<String, String> single(List<SanoidSetting> settings) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        settings.forEach(s -> seen.merge(s.key(), 1, Integer::sum));
        // a multi-valued key reaches sanoid as "ARRAY(0x...)": it matches no template and no toggle value
        settings.forEach(s -> keys.put(s.key(), seen.get(s.key()) > 1 ? "ARRAY" : s.value()));
        return keys;
    }

    private static SnapshotPolicy toPolicy(Map<String, String> keys, String recursive) {
        Map<Period, Integer> counts = new HashMap<>();
        for (Period p : Period.values()) {
            counts.put(p, perlInt(keys.get(p.label())));
        }
        return new SnapshotPolicy(perlInt(keys.get("frequent_period")), counts, toggle(keys.get("autosnap")),
                toggle(keys.get("autoprune")), isTrue(recursive),
                toggle(keys.get("process_children_only")));
    }

    /** sanoid normalises exact yes/no words; anything else keeps Perl truthiness ("" and "0" are false). */
    static boolean toggle(String value) {
        if (value == null || TRUE.contains(value)) {
            return value != null;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        return !value.isEmpty() && !value.equals("0");
    }

    static boolean isTrue(String value) {
        return TRUE.contains(value);
    }

    /** Perl's numeric reading of a string: leading digits, else 0. */
    static int perlInt(String value) {
        if (value == null) {
            return 0;
        }
        String v = value.strip();
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, Math.min(end, 9)));
    }
}
