package org.offops.deploy.domain.plan;

import java.util.List;

/**
 * The deployment layout the runbook checks: system config symlinks into the code's {@code conf/} tree (as link,
 * target pairs). Data links {@code <code>/<kind> -> /mnt/<flavor>/<kind>} depend on the mounts and are checked on
 * the container for every {@code /mnt/<flavor>/*}.
 */
final class Layout {

    private Layout() {
    }

    static List<String> expected(String flavor, String code) {
        return List.of(code, flavor,
                "/etc/nginx/conf.d/" + flavor + ".conf", code + "/conf/nginx/sites-available/" + flavor,
                "/etc/apache2/sites-enabled/" + flavor + ".conf", code + "/conf/apache-2.4/sites-available/" + flavor + ".conf",
                "/etc/systemd/system/apache2.service.d", code + "/conf/systemd/apache2.service.d");
    }
}
