package org.offops.proxy.domain;

/** Builds an indented nginx or fail2ban file line by line, so renderers read like the files they produce. */
final class ConfText {

    private final StringBuilder text = new StringBuilder();
    private int depth;

    ConfText line(String line) {
        text.append("    ".repeat(depth)).append(line).append('\n');
        return this;
    }

    ConfText blank() {
        text.append('\n');
        return this;
    }

    ConfText open(String header) {
        line(header + " {");
        depth++;
        return this;
    }

    ConfText close() {
        depth--;
        return line("}");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
