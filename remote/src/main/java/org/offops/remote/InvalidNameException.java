package org.offops.remote;

/** A name (flavor, tag, dataset, host, ...) failed its strict pattern; the message names the field and a safe echo. */
public final class InvalidNameException extends IllegalArgumentException {

    private final String field;

    public InvalidNameException(String field, String value, String rule) {
        super(field + " " + safeEcho(value) + " is invalid: " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Quotes the value with control and non-ASCII characters escaped and its length capped, so it cannot forge logs. */
    static String safeEcho(String value) {
        if (value == null) {
            return "(null)";
        }
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(value.length(), 64);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (value.length() > limit) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.append('"').toString();
    }
}
