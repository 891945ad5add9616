package org.offops.testkit.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of the stand-in's repository and static archive for one release: small, but shaped like Product Opener's. */
final class StandInFiles {

    static final List<String> FLAVORS = List.of("off", "obf", "opf", "opff", "off-pro");

    /** Data directories a container links from its code tree to its mounts; git ignores them. */
    static final List<String> DATA_KINDS = List.of("products", "images", "users", "orgs", "html_data", "cache", "logs");

    private StandInFiles() {
    }

    static Map<String, String> repository(String tag) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("VERSION", tag + "\n");
        files.put("lib/ProductOpener/Version.pm", "package ProductOpener::Version;\nour $VERSION = '" + tag + "';\n1;\n");
        StringBuilder ignore = new StringBuilder("/build/\n");
        DATA_KINDS.forEach(kind -> ignore.append('/').append(kind).append('\n'));
        files.put(".gitignore", ignore.toString());
        for (String flavor : FLAVORS) {
            files.put("conf/nginx/sites-available/" + flavor, "# nginx site of " + flavor + " (stand-in)\n"
                    + "location /images/ { root /srv/" + flavor + "/html; }\n");
            files.put("conf/apache-2.4/sites-available/" + flavor + ".conf", "# Apache site of " + flavor
                    + " (stand-in)\n<VirtualHost *:8001>\n  PerlSetEnv PRODUCT_OPENER_FLAVOR_SHORT " + flavor
                    + "\n</VirtualHost>\n");
        }
        files.put("conf/systemd/apache2.service.d/override.conf",
                "[Service]\n# stand-in of Product Opener's apache2 override\nEnvironment=PERL5LIB=/srv/%i/lib\n");
        files.put("scripts/build_taxonomies.sh", buildScript("build_taxonomies", "taxonomies", null));
        files.put("scripts/build_lang.sh", buildScript("build_lang", "lang", "fail-build-lang"));
        return files;
    }

    private static String buildScript(String name, String output, String failList) {
        String failure = failList == null ? "" : """
                if [ -f "$top/scripts/%s" ] && grep -qxF "$flavor" "$top/scripts/%s"; then
                    echo "%s: $flavor: failed to build $version (the release lists this flavor in scripts/%s)" >&2
                    exit 1
                fi
                """.formatted(failList, failList, name, failList);
        return """
                #!/bin/bash
                # %s stand-in: Product Opener's build step, run in the code tree of one flavor.
                set -eu
                top=$(cd "$(dirname "$0")/.." && pwd)
                flavor=$(basename "$top")
                version=$(cat "$top/VERSION")
                %smkdir -p "$top/build"
                echo "$version" > "$top/build/%s-$version.done"
                echo "%s: $flavor $version done"
                """.formatted(name, failure, output, name);
    }

    /** The static tree of a release: what frontend-dist.tgz holds. */
    static Map<String, String> staticTree(String tag) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", "<!doctype html><title>Product Opener " + tag + "</title><p>release " + tag + "</p>\n");
        files.put("css/app.css", "/* " + tag + " */ body { margin: 0; }\n");
        files.put("js/app.js", "window.PRODUCT_OPENER_RELEASE = '" + tag + "';\n");
        return files;
    }
}
