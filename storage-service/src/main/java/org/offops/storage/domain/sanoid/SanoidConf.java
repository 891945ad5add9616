package org.offops.storage.domain.sanoid;

import java.util.List;
import java.util.Optional;

/** A sanoid.conf as data: its sections in file order (duplicates kept, as the file has them). */
public record SanoidConf(List<SanoidSection> sections) {

    public SanoidConf {
        sections = List.copyOf(sections);
    }

    public List<SanoidSection> modules() {
        return sections.stream().filter(s -> !s.isTemplate()).toList();
    }

    public List<SanoidSection> templates() {
        return sections.stream().filter(SanoidSection::isTemplate).toList();
    }

    /** Every section with that name, in file order (more than one is an ambiguity sanoid resolves by merging). */
    public List<SanoidSection> all(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).toList();
    }

    public Optional<SanoidSection> template(String shortName) {
        List<SanoidSection> found = all(SanoidSection.TEMPLATE_PREFIX + shortName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** Same sections with the same settings in the same order: the round-trip equivalence. */
    public boolean sameAs(SanoidConf other) {
        if (sections.size() != other.sections.size()) {
            return false;
        }
        for (int i = 0; i < sections.size(); i++) {
            if (!sections.get(i).sameAs(other.sections.get(i))) {
                return false;
            }
        }
        return true;
    }
}
