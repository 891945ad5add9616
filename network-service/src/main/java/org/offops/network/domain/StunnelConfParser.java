package org.offops.network.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads stunnel's config syntax: global options, then [sections] of {@code key = value}; # and ; start comments. */
public final class StunnelConfParser {

    private StunnelConfParser() {
    }

    /** The sections in file order (repeated names stay separate: production has a duplicated [Robotoff]). */
    public static List<StunnelSection> sections(String host, String text) {
        List<StunnelSection> sections = new ArrayList<>();
        String name = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (name != null) {
                    sections.add(new StunnelSection(host, name, Map.copyOf(options)));
                }
                name = line.substring(1, line.length() - 1).strip();
                options = new LinkedHashMap<>();
            } else if (name != null && line.contains("=")) {
                int equals = line.indexOf('=');
                options.put(line.substring(0, equals).strip().toLowerCase(), line.substring(equals + 1).strip());
            }
        }
        if (name != null) {
            sections.add(new StunnelSection(host, name, Map.copyOf(options)));
        }
        return sections;
    }
}
