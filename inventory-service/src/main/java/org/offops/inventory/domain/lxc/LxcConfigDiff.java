package org.offops.inventory.domain.lxc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between the configuration offops holds and the one found on the host, as data a REST API can return.
 *
 * <p>The comparison is by meaning, the way Proxmox reads the files: the order of Proxmox keys in a section, the order
 * of options inside a property string ({@code mp=/a,backup=0} vs {@code backup=0,mp=/a}), an explicit
 * {@code volume=} key, the separator of a raw line ({@code lxc.x: y} vs {@code lxc.x = y}), blank lines and the
 * URL-encoding of the description do not count. Raw {@code lxc.*} lines are compared per key as ordered lists, so a
 * removed, added or moved {@code lxc.idmap} line shows up. Values are otherwise compared as text: {@code /zfs/a/} and
 * {@code /zfs/a} differ, {@code onboot: 1} and {@code onboot: yes} differ.
 *
 * <p>"Added" means present in {@code live} and not in {@code held}; "removed" the other way round.
 *
 * @param differences in the order of the held file's sections and keys, live-only ones after
 */
public record LxcConfigDiff(List<Difference> differences) {

    /** Keys whose values are Proxmox property strings, compared option by option; value: the implied key, if any. */
    private static final Map<String, String> PROPERTY_STRINGS = Map.of("rootfs", "volume", "features", "");

    public enum Kind {
        SECTION_ADDED, SECTION_REMOVED,
        KEY_ADDED, KEY_REMOVED, KEY_CHANGED,
        OPTION_ADDED, OPTION_REMOVED, OPTION_CHANGED,
        LINE_ADDED, LINE_REMOVED,
        DESCRIPTION_CHANGED
    }

    /**
     * One difference.
     *
     * @param kind    what changed
     * @param section {@link LxcSection#MAIN} ({@code ""}) for the main section, else the section's name
     * @param key     the key ({@code cores}, {@code mp3}, {@code lxc.idmap}); null for section and description changes
     * @param option  for OPTION_*: the option inside the property string ({@code mp}, {@code backup}, {@code ip}),
     *                {@code volume} for a mount point's source; null otherwise
     * @param held    the value offops holds (null when added)
     * @param live    the value on the host (null when removed)
     */
    public record Difference(Kind kind, String section, String key, String option, String held, String live) {

        public Difference {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(section, "section");
        }

        /** One line for logs and messages: {@code mp3.mp changed: /mnt/a -> /mnt/b}. */
        public String summary() {
            String where = (section.isEmpty() ? "" : "[" + section + "] ")
                    + (key == null ? "" : key) + (option == null ? "" : "." + option);
            return switch (kind) {
                case SECTION_ADDED -> "section [" + section + "] only on the host";
                case SECTION_REMOVED -> "section [" + section + "] missing on the host";
                case DESCRIPTION_CHANGED -> where + "description changed";
                case KEY_ADDED, OPTION_ADDED, LINE_ADDED -> where + " added: " + live;
                case KEY_REMOVED, OPTION_REMOVED, LINE_REMOVED -> where + " removed: " + held;
                case KEY_CHANGED, OPTION_CHANGED -> where + " changed: " + held + " -> " + live;
            };
        }
    }

    public LxcConfigDiff {
        differences = List.copyOf(differences);
    }

    public static LxcConfigDiff between(LxcConfig held, LxcConfig live) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(live, "live");
        List<Difference> out = new ArrayList<>();
        for (LxcSection heldSection : held.sections()) {
            var liveSection = live.section(heldSection.name());
            if (liveSection.isEmpty()) {
                out.add(new Difference(Kind.SECTION_REMOVED, heldSection.name(), null, null, null, null));
            } else {
                compareSections(heldSection, liveSection.get(), out);
            }
        }
        for (LxcSection liveSection : live.sections()) {
            if (held.section(liveSection.name()).isEmpty()) {
                out.add(new Difference(Kind.SECTION_ADDED, liveSection.name(), null, null, null, null));
            }
        }
        return new LxcConfigDiff(out);
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    private static void compareSections(LxcSection held, LxcSection live, List<Difference> out) {
        String section = held.name();
        String heldDescription = held.description();
        String liveDescription = live.description();
        if (!heldDescription.equals(liveDescription)) {
            out.add(new Difference(Kind.DESCRIPTION_CHANGED, section, null, null, heldDescription, liveDescription));
        }

        Map<String, String> heldValues = proxmoxValues(held);
        Map<String, String> liveValues = proxmoxValues(live);
        Set<String> keys = new LinkedHashSet<>(heldValues.keySet());
        keys.addAll(liveValues.keySet());
        for (String key : keys) {
            String h = heldValues.get(key);
            String l = liveValues.get(key);
            if (l == null) {
                out.add(new Difference(Kind.KEY_REMOVED, section, key, null, h, null));
            } else if (h == null) {
                out.add(new Difference(Kind.KEY_ADDED, section, key, null, null, l));
            } else if (!h.equals(l)) {
                compareValues(section, key, h, l, out);
            }
        }

        Map<String, List<String>> heldRaw = rawValues(held);
        Map<String, List<String>> liveRaw = rawValues(live);
        Set<String> rawKeys = new LinkedHashSet<>(heldRaw.keySet());
        rawKeys.addAll(liveRaw.keySet());
        for (String key : rawKeys) {
            compareLines(section, key, heldRaw.getOrDefault(key, List.of()), liveRaw.getOrDefault(key, List.of()), out);
        }
    }

    private static void compareValues(String section, String key, String held, String live, List<Difference> out) {
        String implied = impliedKey(key);
        if (implied != null) {
            try {
                Map<String, String> h = options(held, implied);
                Map<String, String> l = options(live, implied);
                Set<String> names = new LinkedHashSet<>(h.keySet());
                names.addAll(l.keySet());
                for (String name : names) {
                    String hv = h.get(name);
                    String lv = l.get(name);
                    if (lv == null) {
                        out.add(new Difference(Kind.OPTION_REMOVED, section, key, name, hv, null));
                    } else if (hv == null) {
                        out.add(new Difference(Kind.OPTION_ADDED, section, key, name, null, lv));
                    } else if (!hv.equals(lv)) {
                        out.add(new Difference(Kind.OPTION_CHANGED, section, key, name, hv, lv));
                    }
                }
                return;
            } catch (IllegalArgumentException notAPropertyString) {
                // compared as text below
            }
        }
        out.add(new Difference(Kind.KEY_CHANGED, section, key, null, held, live));
    }

    /** Null when {@code key} is compared as plain text; "" for a property string without an implied key. */
    private static String impliedKey(String key) {
        if (LxcMountPoint.slotOf(key) >= 0 || key.matches("unused[0-9]+")) {
            return "volume";
        }
        if (key.matches("dev[0-9]+")) {
            return "path";
        }
        if (LxcNet.slotOf(key) >= 0) {
            return "";
        }
        return PROPERTY_STRINGS.get(key);
    }

    private static Map<String, String> options(String value, String implied) {
        Map<String, String> options = new LinkedHashMap<>();
        for (LxcOption option : LxcOption.parseList(value, implied.isEmpty() ? null : implied)) {
            options.put(option.key(), option.value());
        }
        return options;
    }

    /** Removed and added lines of one raw key, from a longest common subsequence of the two ordered lists. */
    private static void compareLines(String section, String key, List<String> held, List<String> live, List<Difference> out) {
        int n = held.size();
        int m = live.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = held.get(i).equals(live.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && held.get(i).equals(live.get(j))) {
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Difference(Kind.LINE_REMOVED, section, key, null, held.get(i++), null));
            } else {
                out.add(new Difference(Kind.LINE_ADDED, section, key, null, null, live.get(j++)));
            }
        }
    }

    private static Map<String, String> proxmoxValues(LxcSection section) {
        Map<String, String> values = new LinkedHashMap<>();
        for (LxcLine.Property p : section.properties()) {
            if (!p.isRawLxc()) {
                values.put(p.key(), p.value());
            }
        }
        return values;
    }

    private static Map<String, List<String>> rawValues(LxcSection section) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (LxcLine.Property p : section.rawLxc()) {
            values.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p.value());
        }
        return values;
    }
}
