package org.offops.inventory.domain.lxc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Proxmox container configuration ({@code /etc/pve/lxc/<vmid>.conf}) as an ordered model of its file: the main
 * section first, then {@code [pve:pending]} and snapshot sections in the order the file has them. Read it with
 * {@link LxcConfigParser#parse(String)}, write it with {@link LxcConfigWriter#write(LxcConfig)} (same bytes back),
 * compare two with {@link LxcConfigDiff#between(LxcConfig, LxcConfig)}, add mount points with {@link LxcConfigs}.
 *
 * <p>The typed accessors read the main section (the configuration the container runs with); those of a snapshot
 * or of the pending changes are on {@link #snapshot(String)} and {@link #pending()}.
 *
 * @param sections the main section ({@link LxcSection#MAIN}) first, then the others, names unique
 */
public record LxcConfig(List<LxcSection> sections) {

    public LxcConfig {
        sections = List.copyOf(sections);
        if (sections.isEmpty() || !sections.get(0).isMain()) {
            throw new IllegalArgumentException("a container configuration starts with its main section");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            LxcSection section = sections.get(i);
            if (i > 0 && section.isMain()) {
                throw new IllegalArgumentException("only the first section can be the main section");
            }
            if (!names.add(identity(section.name()))) {
                throw new IllegalArgumentException("section [" + section.name() + "] appears twice");
            }
            if (section.has("delete") && !section.isPending()) {
                throw new IllegalArgumentException("'delete' is only allowed in [pve:pending], not in "
                        + LxcSection.label(section.name()));
            }
        }
    }

    /** A configuration made of a main section with these lines. */
    public static LxcConfig of(List<LxcLine> mainLines) {
        return new LxcConfig(List.of(LxcSection.main(mainLines)));
    }

    public LxcSection main() {
        return sections.get(0);
    }

    /** {@code [pve:pending]}, if the file has it. */
    public Optional<LxcSection> pending() {
        return sections.stream().filter(LxcSection::isPending).findFirst();
    }

    /** Snapshot sections, in file order (Proxmox writes them sorted by name). */
    public List<LxcSection> snapshots() {
        return sections.stream().filter(LxcSection::isSnapshot).toList();
    }

    public Optional<LxcSection> snapshot(String name) {
        return snapshots().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A section by name; {@link LxcSection#MAIN} for the main one. */
    public Optional<LxcSection> section(String name) {
        return sections.stream().filter(s -> identity(s.name()).equals(identity(name))).findFirst();
    }

    /** Snapshot names are case-sensitive, as in Proxmox; {@code [pve:pending]} is matched without case, as Proxmox does. */
    static String identity(String sectionName) {
        return sectionName.equalsIgnoreCase(LxcSection.PENDING) ? LxcSection.PENDING : sectionName;
    }

    /** A copy with {@code section} replacing the section of the same name, or appended if there is none. */
    public LxcConfig withSection(LxcSection section) {
        List<LxcSection> copy = new ArrayList<>(sections);
        for (int i = 0; i < copy.size(); i++) {
            if (identity(copy.get(i).name()).equals(identity(section.name()))) {
                copy.set(i, section);
                return new LxcConfig(copy);
            }
        }
        copy.add(section);
        return new LxcConfig(copy);
    }

    /** Value of any key of the main section, known to offops or not ({@code tags}, {@code startup}, ...). */
    public Optional<String> value(String key) {
        return main().value(key);
    }

    public String description() {
        return main().description();
    }

    public Optional<String> arch() {
        return main().arch();
    }

    public OptionalInt cores() {
        return main().cores();
    }

    public OptionalInt memory() {
        return main().memory();
    }

    public OptionalInt swap() {
        return main().swap();
    }

    public Optional<String> hostname() {
        return main().hostname();
    }

    public Optional<String> ostype() {
        return main().ostype();
    }

    public Optional<Boolean> onboot() {
        return main().onboot();
    }

    public Optional<Boolean> unprivileged() {
        return main().unprivileged();
    }

    public Optional<LxcRootFs> rootfs() {
        return main().rootfs();
    }

    public List<LxcOption> features() {
        return main().features();
    }

    public List<LxcNet> networks() {
        return main().networks();
    }

    public List<LxcMountPoint> mountPoints() {
        return main().mountPoints();
    }

    public List<LxcIdMap> idmaps() {
        return main().idmaps();
    }
}
