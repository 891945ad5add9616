package org.offops.proxy.domain;

import java.util.ArrayList;
import java.util.List;

/** The directives of an nginx file, one per entry, comments dropped and whitespace collapsed: for comparing files. */
public final class NginxDirectives {

    private NginxDirectives() {
    }

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = stripComment(raw).strip().replaceAll("\\s+", " ");
            if (line.isEmpty() || line.equals("}")) {
                continue;
            }
            out.add(line.endsWith(" {") ? line.substring(0, line.length() - 2) + " {" : line);
        }
        return out;
    }

    /** The first argument list of each {@code name} directive, e.g. {@code server_name} → "a.org *.a.org". */
    public static List<String> values(String text, String name) {
        return of(text).stream().filter(d -> d.startsWith(name + " ") && d.endsWith(";"))
                .map(d -> d.substring(name.length() + 1, d.length() - 1).strip()).toList();
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
