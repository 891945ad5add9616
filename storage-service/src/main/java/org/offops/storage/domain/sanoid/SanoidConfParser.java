package org.offops.storage.domain.sanoid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads sanoid.conf the way sanoid 2.1.0 (Config::IniFiles) does, and reports what it would silently mis-read. */
public final class SanoidConfParser {

    /** Every key sanoid.defaults.conf (v2) knows; any other key makes sanoid die. */
    public static final Set<String> KNOWN_KEYS = Set.of("path", "recursive", "use_template", "process_children_only",
            "skip_children", "pre_snapshot_script", "post_snapshot_script", "pruning_script", "script_timeout",
            "no_inconsistent_snapshot", "force_post_snapshot_script", "frequent_period", "autoprune", "frequently",
            "hourly", "daily", "weekly", "monthly", "yearly", "prune_defer", "autosnap", "hourly_min", "daily_hour",
            "daily_min", "weekly_wday", "weekly_hour", "weekly_min", "monthly_mday", "monthly_hour", "monthly_min",
            "yearly_mon", "yearly_mday", "yearly_hour", "yearly_min", "monitor", "monitor_dont_warn",
            "monitor_dont_crit", "frequently_warn", "frequently_crit", "hourly_warn", "hourly_crit", "daily_warn",
            "daily_crit", "weekly_warn", "weekly_crit", "monthly_warn", "monthly_crit", "yearly_warn", "yearly_crit",
            "capacity_warn", "capacity_crit");

    private SanoidConfParser() {
    }

    public static SanoidImport parse(String text) {
        List<SanoidSection> sections = new ArrayList<>();
        String name = null;
        int sectionLine = 0;
        List<SanoidSetting> settings = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new SanoidConfException(lineNo, "malformed section header: " + line);
                }
                if (name != null) {
                    sections.add(new SanoidSection(name, settings, sectionLine));
                }
                name = line.substring(1, line.length() - 1).strip();
                sectionLine = lineNo;
                settings = new ArrayList<>();
                continue;
            }
            int eq = lines[i].indexOf('=');
            if (eq < 0) {
                throw new SanoidConfException(lineNo, "expected key = value: " + line);
            }
            if (name == null) {
                throw new SanoidConfException(lineNo, "setting outside any [section]: " + line);
            }
            SanoidSetting setting = new SanoidSetting(lines[i].substring(0, eq), lines[i].substring(eq + 1), lineNo);
            if (!KNOWN_KEYS.contains(setting.key())) {
                throw new SanoidConfException(lineNo, "sanoid does not know the setting '" + setting.key()
                        + "' in [" + name + "] and would refuse to run");
            }
            settings.add(setting);
        }
        if (name != null) {
            sections.add(new SanoidSection(name, settings, sectionLine));
        }
        SanoidConf conf = new SanoidConf(sections);
        return new SanoidImport(conf, ambiguities(conf));
    }

    private static List<String> ambiguities(SanoidConf conf) {
        List<String> found = new ArrayList<>();
        Map<String, List<SanoidSection>> byName = new LinkedHashMap<>();
        conf.sections().forEach(s -> byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s));
        byName.forEach((name, same) -> {
            if (same.size() > 1) {
                Map<String, Integer> keys = new LinkedHashMap<>();
                same.forEach(s -> s.settings().forEach(k -> keys.merge(k.key(), 1, Integer::sum)));
                List<String> twice = keys.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                        .toList();
                found.add("[" + name + "] appears " + same.size() + " times (lines "
                        + same.stream().map(s -> String.valueOf(s.line())).toList() + "): sanoid merges them"
                        + (twice.isEmpty() ? "" : " and ignores " + twice + ", set more than once"));
            } else {
                same.get(0).settings().stream().filter(s -> same.get(0).count(s.key()) > 1).map(SanoidSetting::key)
                        .distinct().forEach(key -> found.add("[" + name + "] sets " + key
                                + " more than once: sanoid ignores it"));
            }
        });
        for (SanoidSection section : conf.sections()) {
            for (SanoidSetting s : section.settings()) {
                if (!s.value().equals(s.value().strip())) {
                    found.add("line " + s.line() + ": [" + section.name() + "] " + s.key() + " = '" + s.value()
                            + "' has trailing blanks: sanoid reads them verbatim"
                            + (PolicyResolver.TOGGLES.contains(s.key()) ? " and does not take it as a yes/no (it"
                            + " counts as yes)" : ""));
                }
            }
            section.value("use_template").ifPresent(list -> {
                for (String t : list.split(" *, *")) {
                    if (!t.isBlank() && conf.template(t.strip()).isEmpty()) {
                        found.add("[" + section.name() + "] uses template '" + t.strip() + "' which is not defined");
                    }
                }
            });
        }
        for (SanoidSection parent : conf.modules()) {
            if (!PolicyResolver.isTrue(parent.value("recursive").orElse(""))) {
                continue;
            }
            conf.modules().stream().filter(c -> c.name().startsWith(parent.name() + "/")).map(SanoidSection::name)
                    .distinct().forEach(child -> found.add("[" + child + "] is also covered by recursive [" + parent.name()
                            + "]: sanoid 2.1.0 applies the two in hash order; offops applies the child's own"));
        }
        return found;
    }
}
