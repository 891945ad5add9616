package org.offops.storage.domain.sanoid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/** Writes sanoid.conf deterministically (same input, same bytes); comments of an imported file are not kept. */
public final class SanoidConfWriter {

    private SanoidConfWriter() {
    }

    public static String write(SanoidConf conf) {
        StringBuilder out = new StringBuilder("# rendered by offops storage-service; edits here are overwritten\n");
        for (SanoidSection section : conf.sections()) {
            out.append('\n').append('[').append(section.name()).append("]\n");
            for (SanoidSetting s : section.settings()) {
                out.append('\t').append(s.key()).append(" = ").append(s.value()).append('\n');
            }
        }
        return out.toString();
    }

    /** One module section with every retention setting spelled out (no template to chase). */
    public static SanoidSection section(String dataset, SnapshotPolicy p) {
        List<SanoidSetting> settings = new ArrayList<>();
        settings.add(SanoidSetting.of("frequent_period", String.valueOf(p.frequentPeriod())));
        for (Period period : Period.values()) {
            settings.add(SanoidSetting.of(period.label(), String.valueOf(p.count(period))));
        }
        settings.add(SanoidSetting.of("autosnap", yesNo(p.autosnap())));
        settings.add(SanoidSetting.of("autoprune", yesNo(p.autoprune())));
        settings.add(SanoidSetting.of("recursive", yesNo(p.recursive())));
        if (p.processChildrenOnly()) {
            settings.add(SanoidSetting.of("process_children_only", "yes"));
        }
        return new SanoidSection(dataset, settings, 0);
    }

    /** A whole file for a server: one fully spelled-out section per dataset, in name order. */
    public static String render(Map<String, SnapshotPolicy> byDataset) {
        List<SanoidSection> sections = byDataset.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> section(e.getKey(), e.getValue())).toList();
        return write(new SanoidConf(sections));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
