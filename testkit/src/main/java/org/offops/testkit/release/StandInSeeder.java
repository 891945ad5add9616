package org.offops.testkit.release;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.offops.fleet.FleetSpec;
import org.offops.testkit.fleet.FleetBox;
import org.offops.testkit.fleet.FleetHost;

/**
 * Lays a release out in each app container as production has it: the code clone at the tag, the deployment-layout
 * symlinks into the code's conf/ and to the data mounts, the static tree in {@code <static>-releases/<tag>} with
 * {@code <static>} pointing at it, and the units restarted so the backend serves that release.
 */
final class StandInSeeder {

    private final FleetBox box;
    private final String repository;
    private final Path archive;

    StandInSeeder(FleetBox box, String repository, Path archive) {
        this.box = box;
        this.repository = repository;
        this.archive = archive;
    }

    /** Seeds every app container that has no clone yet; one that has (a kept fleet) is left as deployed. */
    void seedAll(String tag) throws IOException {
        for (FleetHost host : box.hosts()) {
            if (host.spec() instanceof FleetSpec.Container container && container.isApp()) {
                box.exec(host.name(), List.of("bash", "-c", script(container, tag)), Duration.ofSeconds(120))
                        .orThrow();
            }
        }
    }

    private String script(FleetSpec.Container container, String tag) {
        FleetSpec.Flavor flavor = box.spec().flavor(container.flavor()).orElseThrow();
        String code = flavor.code();
        String staticPath = flavor.staticPath();
        String name = flavor.name();
        StringBuilder script = new StringBuilder("set -eu\n");
        script.append("C=").append(code).append(" S=").append(staticPath).append(" F=").append(name)
                .append(" T=").append(tag).append(" REPO=").append(repository).append(" ARCHIVE=").append(archive)
                .append('\n');
        script.append("""
                if [ -d "$C/.git" ]; then echo "$C is already a clone: left as it is"; exit 0; fi
                git clone -q "$REPO" "$C"
                git -C "$C" -c advice.detachedHead=false checkout -q --detach "$T"
                mkdir -p /etc/nginx/conf.d /etc/apache2/sites-enabled /etc/systemd/system
                ln -sfn "$C/conf/nginx/sites-available/$F" "/etc/nginx/conf.d/$F.conf"
                ln -sfn "$C/conf/apache-2.4/sites-available/$F.conf" "/etc/apache2/sites-enabled/$F.conf"
                ln -sfn "$C/conf/systemd/apache2.service.d" /etc/systemd/system/apache2.service.d
                R="$S-releases/$T"
                rm -rf "$R.partial" && mkdir -p "$R.partial" && tar -xzf "$ARCHIVE" -C "$R.partial"
                rm -rf "$R" && mv "$R.partial" "$R"
                ln -sfn "$R" "$S.switch" && mv -T "$S.switch" "$S"
                """);
        String prefix = "/mnt/" + name + "/";
        for (FleetSpec.Mount mount : box.spec().mountsOf(container.name())) {
            String kind = mount.path().substring(prefix.length());
            if (mount.path().startsWith(prefix) && !kind.contains("/")) {
                script.append("ln -sfn ").append(mount.path()).append(" \"$C/").append(kind).append("\"\n");
            }
        }
        List<String> units = new ArrayList<>();
        container.services().stream().filter(unit -> !unit.endsWith("@")).forEach(units::add);
        if (!units.isEmpty()) {
            script.append("systemctl restart ").append(String.join(" ", units)).append('\n');
        }
        return script.toString();
    }
}
