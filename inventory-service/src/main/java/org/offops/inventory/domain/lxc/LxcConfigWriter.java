package org.offops.inventory.domain.lxc;

import java.util.Objects;

/**
 * Writes a container configuration back to text: {@code write(parse(text))} is {@code text} for every file Proxmox
 * wrote (see {@link LxcConfigParser} for the two normalisations of hand-edited files). The lines are written as the
 * model holds them; nothing is sorted or added, so a config built by {@link LxcConfigs} is only as tidy as the lines
 * it was given (which is why {@link LxcConfigs#withMountPoint} inserts where Proxmox itself would).
 */
public final class LxcConfigWriter {

    private LxcConfigWriter() {
    }

    public static String write(LxcConfig config) {
        Objects.requireNonNull(config, "config");
        StringBuilder text = new StringBuilder();
        for (LxcSection section : config.sections()) {
            if (!section.isMain()) {
                text.append('[').append(section.name()).append("]\n");
            }
            for (LxcLine line : section.lines()) {
                text.append(line.text()).append('\n');
            }
        }
        return text.toString();
    }
}
