package org.offops.inventory.domain;

import java.util.List;

/**
 * A Product Opener flavor (off, obf, opf, opff, off-pro): its git repository, code and static paths in its
 * container, its public domains and whether it is a public site or the producers platform.
 */
public record Flavor(String name, String repository, String codePath, String staticPath, List<String> domains,
                     String platform) {

    public Flavor {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
