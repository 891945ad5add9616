package org.offops.storage.domain.sanoid;

/** One {@code key = value} line of a sanoid.conf section; {@code line} is 1-based in the source (0 when built). */
public record SanoidSetting(String key, String value, int line) {

    public SanoidSetting {
        // Config::IniFiles keeps trailing blanks in values and sanoid compares them verbatim: so do we
        key = key.strip();
        value = value.stripLeading();
    }

    public static SanoidSetting of(String key, String value) {
        return new SanoidSetting(key, value, 0);
    }

    /** Equal key and value, whatever the line: what a round trip must preserve. */
    public boolean sameAs(SanoidSetting other) {
        return key.equals(other.key) && value.equals(other.value);
    }
}
