package org.offops.proxy.domain;

import java.util.List;

/**
 * An operator-written NGINX location of a site: {@code match} is what follows {@code location} (e.g.
 * {@code = /robots.txt} or {@code ~* ^/stats/}), each directive one line ending with {@code ;}.
 */
public record ExtraLocation(String match, List<String> directives) {

    public ExtraLocation {
        directives = directives == null ? List.of() : List.copyOf(directives);
    }
}
