package org.offops.storage.domain.sanoid;

import java.util.List;
import java.util.Optional;

/** A {@code [name]} section of sanoid.conf: a dataset module or, when named {@code template_*}, a template. */
public record SanoidSection(String name, List<SanoidSetting> settings, int line) {

    public static final String TEMPLATE_PREFIX = "template_";

    public SanoidSection {
        settings = List.copyOf(settings);
    }

    public boolean isTemplate() {
        return name.startsWith(TEMPLATE_PREFIX);
    }

    /** The last value set for {@code key} in this section. */
    public Optional<String> value(String key) {
        Optional<String> found = Optional.empty();
        for (SanoidSetting setting : settings) {
            if (setting.key().equals(key)) {
                found = Optional.of(setting.value());
            }
        }
        return found;
    }

    public long count(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).count();
    }

    /** Same name and same settings in the same order, whatever the lines. */
    public boolean sameAs(SanoidSection other) {
        if (!name.equals(other.name) || settings.size() != other.settings.size()) {
            return false;
        }
        for (int i = 0; i < settings.size(); i++) {
            if (!settings.get(i).sameAs(other.settings.get(i))) {
                return false;
            }
        }
        return true;
    }
}
