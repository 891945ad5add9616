package org.offops.storage.domain.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.offops.storage.domain.sanoid.PolicyResolver;
import org.offops.storage.domain.sanoid.SanoidConf;
import org.offops.storage.domain.sanoid.SanoidSection;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

/**
 * Plans taking a server's sanoid.conf into the model: each section's effective policy (as sanoid resolves it) becomes
 * a named policy — an existing one with the same values, else one named after its template — and its dataset is
 * registered or re-pointed. A pure function: the same file and model give the same plan.
 */
public final class SanoidImportPlanner {

    /** A policy the import creates. */
    public record PolicyPut(String name, SnapshotPolicy policy) {
    }

    /** A dataset the import registers ({@code create}) or points at another policy. */
    public record DatasetSet(String dataset, String policy, boolean create, String kind) {
    }

    /** What importing the file does, in order: policies first, then datasets. */
    public record Plan(List<PolicyPut> policies, List<DatasetSet> datasets, List<String> steps) {
    }

    private static final Set<String> KINDS = Set.of("products", "images", "users", "orgs", "html_data", "cache",
            "logs");

    private SanoidImportPlanner() {
    }

    /**
     * @param policies existing named policies
     * @param datasets this server's registered datasets and their policy (null value: none)
     */
    public static Plan plan(SanoidConf conf, String server, Map<String, SnapshotPolicy> policies,
                            Map<String, String> datasets) {
        Map<String, SnapshotPolicy> named = new TreeMap<>(policies);
        List<PolicyPut> puts = new ArrayList<>();
        List<DatasetSet> sets = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (String section : conf.modules().stream().map(SanoidSection::name).distinct().sorted().toList()) {
            SnapshotPolicy policy = PolicyResolver.policyOf(conf, section);
            String name = named.entrySet().stream().filter(e -> e.getValue().equals(policy)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (name == null) {
                name = freeName(baseName(conf, section), named);
                named.put(name, policy);
                puts.add(new PolicyPut(name, policy));
                steps.add("create policy " + name + " (from [" + section + "])");
            }
            if (!datasets.containsKey(section)) {
                String kind = kindOf(section);
                sets.add(new DatasetSet(section, name, true, kind));
                steps.add("register dataset " + server + ":" + section + " with policy " + name + " (kind " + kind
                        + ", scope shared: review them)");
            } else if (!name.equals(datasets.get(section))) {
                sets.add(new DatasetSet(section, name, false, null));
                steps.add("apply policy " + name + " to dataset " + server + ":" + section);
            }
        }
        return new Plan(puts, sets, steps);
    }

    private static String baseName(SanoidConf conf, String section) {
        String template = conf.all(section).stream().map(s -> s.value("use_template").orElse(null))
                .filter(v -> v != null).reduce((a, b) -> b).map(v -> v.split(",")[0].strip()).orElse("imported");
        String name = template.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        name = name.matches("[a-z].*") ? name : "imported_" + name;
        return name.length() > 55 ? name.substring(0, 55) : name;
    }

    private static String freeName(String base, Map<String, SnapshotPolicy> named) {
        String name = base;
        for (int n = 2; named.containsKey(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static String kindOf(String dataset) {
        String last = dataset.substring(dataset.lastIndexOf('/') + 1);
        return KINDS.contains(last) ? last : "other";
    }
}
