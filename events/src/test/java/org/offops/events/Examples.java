package org.offops.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.offops.events.deploy.DeployStepCompleted;
import org.offops.events.deploy.DeployStepFailed;
import org.offops.events.deploy.DeploymentFailed;
import org.offops.events.deploy.DeploymentRolledBack;
import org.offops.events.deploy.DeploymentStarted;
import org.offops.events.deploy.DeploymentSucceeded;
import org.offops.events.deploy.ReleasePublished;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerRemoved;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.events.inventory.ServerRegistered;
import org.offops.events.inventory.ServerRemoved;
import org.offops.events.inventory.ServerState;
import org.offops.events.inventory.ServerUpdated;
import org.offops.events.network.LinkCheckFailed;
import org.offops.events.network.PskRotated;
import org.offops.events.network.StunnelLinkConfigured;
import org.offops.events.proxy.BanAdded;
import org.offops.events.proxy.BanRemoved;
import org.offops.events.proxy.CertificateExpiring;
import org.offops.events.proxy.ConfigDriftDetected;
import org.offops.events.proxy.ProxyConfigApplied;
import org.offops.events.proxy.ProxyConfigRejected;
import org.offops.events.storage.CloneRefreshed;
import org.offops.events.storage.DatasetRenamed;
import org.offops.events.storage.MountConfigured;
import org.offops.events.storage.MountRemoved;
import org.offops.events.storage.ReplicationFailed;
import org.offops.events.storage.SnapshotPruned;
import org.offops.events.storage.SnapshotReplicated;
import org.offops.events.storage.SnapshotTaken;
import org.offops.events.storage.StorageAlarmRaised;

/** One fully populated instance of every registered event, with values from the OFF fleet. */
final class Examples {

    static final String DEPLOYMENT = "5b0c2f7e-3c1a-4d8e-9f61-2a7d4c9e8b10";
    static final String HOURLY = "autosnap_2026-11-27_00:00:01_hourly";
    static final String PREVIOUS_HOURLY = "autosnap_2026-11-26_23:00:01_hourly";
    static final String LINK = "off2-moji-mongodb";

    static final ServerState OFF2 = new ServerState("off2", "free-paris", "off2.openfoodfacts.org", 22,
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH5mV0u0fWbq7Zr1yqLx3aQn2c8pG4kDsT9eJwXo1bYf", "proxmox");
    static final ContainerState OFF = new ContainerState(113, "off", "off2", "lxc", "off", "10.1.0.113",
            "off2.openfoodfacts.org", 22, List.of("apache2", "nginx", "minion@off", "cloud_vision_ocr@off"),
            "SHA256:Zq8m0tCkq7Xr9s1Ue4bW3vN6yJ2pL5hD8fG0aT1cR4E");

    private static final Map<Class<? extends OffopsEvent>, OffopsEvent> BY_CLASS = Stream.of(
            new ServerRegistered(OFF2),
            new ServerUpdated(OFF2),
            new ServerRemoved("off1"),
            new ContainerRegistered(OFF),
            new ContainerUpdated(OFF),
            new ContainerRemoved("off-pro-staging", "off2"),
            new ReleasePublished("openfoodfacts/openfoodfacts-server", "v2.57.0", "v2.57.0",
                    "https://github.com/openfoodfacts/openfoodfacts-server/releases/download/v2.57.0/"
                            + "frontend-v2.57.0.tgz",
                    List.of("off", "obf", "opf", "opff", "off-pro"), "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                    "github-actions[bot]"),
            new DeploymentStarted(DEPLOYMENT, "v2.57.0", "off", "off", "off2", "v2.56.1"),
            new DeployStepCompleted(DEPLOYMENT, "off", "extract-release", 1, 8_412L, 0),
            new DeployStepFailed(DEPLOYMENT, "off", "restart-services", 2, 1, "systemctl exited with status 1",
                    "Job for apache2.service failed because the control process exited with error code."),
            new DeploymentSucceeded(DEPLOYMENT, "off", "off", "v2.57.0", 184_220L),
            new DeploymentFailed(DEPLOYMENT, "off", "off", "v2.57.0", "smoke-test",
                    "GET https://world.openfoodfacts.org/api/v2/product/3017620422003 returned 502"),
            new DeploymentRolledBack(DEPLOYMENT, "off", "off", "v2.57.0", "v2.56.1", "smoke-test failed"),
            new SnapshotTaken("off2", "rpool/off/products", HOURLY, "hourly",
                    OffsetDateTime.of(2026, 11, 27, 0, 0, 1, 0, ZoneOffset.UTC)),
            new SnapshotReplicated("off2", "rpool/off/products", "ovh3", "rpool/off-backups/off2/products", HOURLY,
                    1_482_301_440L, 92_310L, true),
            new ReplicationFailed("off2", "rpool/off/products", "ovh3", "rpool/off-backups/off2/products", 3, true,
                    "CRITICAL ERROR: Target exists but has no snapshots matching with source!"),
            new SnapshotPruned("off2", "rpool/off/products", "autosnap_2026-11-25_00:00:01_hourly", "retention"),
            new CloneRefreshed("off2", "rpool/off-pro/products", "rpool/off/products@" + HOURLY,
                    "rpool/off/products@" + PREVIOUS_HOURLY),
            new MountConfigured("off2", 113, "off", "mp0", "/rpool/off/products", "/mnt/off/products", true),
            new MountRemoved("off2", 113, "off", "mp5", "/rpool/off-pro/images", "/mnt/off-pro/images", true),
            new DatasetRenamed("off2", "rpool/off/html_data", "rpool/off/html-data"),
            new StorageAlarmRaised("replication-lag", "off2", "rpool/off/products", 10_800L, 7_200L),
            new StunnelLinkConfigured(LINK, "mongodb", "off2", "moji", "127.0.0.1:27017", "0.0.0.0:27018",
                    "10.3.0.102:27017", "9c1e4b7"),
            new PskRotated(LINK, "mongodb", "off2-mongodb"),
            new LinkCheckFailed(LINK, "mongodb", "connection reset by peer",
                    "LOG3[0]: SSL_accept: ssl/record/ssl3_record.c:354: error:0A00010B:SSL routines::wrong version"),
            new ProxyConfigApplied("off2", List.of("world.openfoodfacts.org", "static.openfoodfacts.org"),
                    List.of("/etc/nginx/conf.d/off.conf", "/etc/nginx/conf.d/static-off.conf"), "4e7a2d9"),
            new ProxyConfigRejected("off2", "world.openfoodfacts.org",
                    "nginx: [emerg] unknown directive \"proxy_pas\" in /etc/nginx/conf.d/off.conf:42"),
            new ConfigDriftDetected("off2", "/etc/nginx/conf.d/off.conf",
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                    "@@ -40,1 +40,1 @@\n-    client_max_body_size 10m;\n+    client_max_body_size 50m;\n"),
            new CertificateExpiring("off", "world.openfoodfacts.org",
                    OffsetDateTime.of(2026, 12, 11, 8, 30, 0, 0, ZoneOffset.UTC), 14L),
            new BanAdded("nginx-botsearch", "203.0.113.45"),
            new BanRemoved("nginx-botsearch", "203.0.113.45"))
            .collect(Collectors.toMap(OffopsEvent::getClass, Function.identity()));

    private Examples() {
    }

    /** Returns the example of the registered {@code type}. */
    static OffopsEvent of(String type) {
        Class<? extends OffopsEvent> eventClass = EventTypes.classOf(type).orElseThrow();
        OffopsEvent example = BY_CLASS.get(eventClass);
        if (example == null) {
            throw new IllegalStateException("add an example of " + eventClass.getSimpleName() + " to Examples");
        }
        return example;
    }
}
