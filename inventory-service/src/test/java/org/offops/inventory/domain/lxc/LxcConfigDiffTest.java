package org.offops.inventory.domain.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.inventory.domain.lxc.LxcConfigDiff.Difference;
import org.offops.inventory.domain.lxc.LxcConfigDiff.Kind;

class LxcConfigDiffTest {

    private static LxcConfig parse(String text) {
        return LxcConfigParser.parse(text);
    }

    @Test
    void diffShowsChangedMountAndAddedKey() {
        String heldText = LxcFixtures.own("app-bind-mounts.conf");
        String liveText = heldText
                .replace("mp2: /tank/pantry/images,mp=/mnt/pantry/images,backup=0,replicate=0",
                        "mp2: /tank/pantry/images2,mp=/mnt/pantry/images,replicate=0,ro=1")
                .replace("swap: 512\n", "swap: 512\ntags: migrated\n");

        LxcConfigDiff diff = LxcConfigDiff.between(parse(heldText), parse(liveText));

        assertFalse(diff.isEmpty());
        assertEquals(List.of(
                new Difference(Kind.OPTION_CHANGED, "", "mp2", "volume", "/tank/pantry/images", "/tank/pantry/images2"),
                new Difference(Kind.OPTION_REMOVED, "", "mp2", "backup", "0", null),
                new Difference(Kind.OPTION_ADDED, "", "mp2", "ro", null, "1"),
                new Difference(Kind.KEY_ADDED, "", "tags", null, null, "migrated")), diff.differences());
        assertEquals("mp2.volume changed: /tank/pantry/images -> /tank/pantry/images2", diff.differences().get(0).summary());
        assertEquals("tags added: migrated", diff.differences().get(3).summary());
    }

    @Test
    void whatProxmoxDoesNotReadIsNotADifference() {
        String held = "#Shop%3A front\ncores: 2\nmp0: /tank/a,mp=/mnt/a,backup=0\nlxc.idmap: u 0 100000 65536\n";
        String live = "#Shop: front\n\nmp0: backup=0,mp=/mnt/a,volume=/tank/a\ncores:   2\nlxc.idmap = u 0 100000 65536\n";

        assertTrue(LxcConfigDiff.between(parse(held), parse(live)).isEmpty(),
                () -> LxcConfigDiff.between(parse(held), parse(live)).differences().toString());
        assertTrue(LxcConfigDiff.between(parse(held), parse(held)).isEmpty());
    }

    @Test
    void idmapLinesAreComparedInOrder() {
        String held = "arch: amd64\nlxc.idmap: u 0 200000 500\nlxc.idmap: g 0 200000 500\nlxc.idmap: u 500 700500 65036\n";
        String live = "arch: amd64\nlxc.idmap: u 0 200000 501\nlxc.idmap: g 0 200000 500\nlxc.idmap: u 500 700500 65036\n"
                + "lxc.idmap: g 500 700500 65036\n";

        assertEquals(List.of(
                new Difference(Kind.LINE_REMOVED, "", "lxc.idmap", null, "u 0 200000 500", null),
                new Difference(Kind.LINE_ADDED, "", "lxc.idmap", null, null, "u 0 200000 501"),
                new Difference(Kind.LINE_ADDED, "", "lxc.idmap", null, null, "g 500 700500 65036")),
                LxcConfigDiff.between(parse(held), parse(live)).differences());

        String swapped = "arch: amd64\nlxc.idmap: g 0 200000 500\nlxc.idmap: u 0 200000 500\nlxc.idmap: u 500 700500 65036\n";
        assertEquals(2, LxcConfigDiff.between(parse(held), parse(swapped)).differences().size(), "a moved line counts");
    }

    @Test
    void sectionsKeysAndDescriptionsAreComparedPerSection() {
        String held = LxcFixtures.own("database-snapshots.conf");
        String live = held.replace("\n\n[initial]\n", "\n\n[nightly]\n")
                .replace("#before upgrading to PostgreSQL 16\n", "#before the PostgreSQL 16 upgrade\n")
                .replace("snaptime: 1717236000\n", "")
                .replace("cores: 4\n", "cores: 6\n");

        LxcConfigDiff diff = LxcConfigDiff.between(parse(held), parse(live));

        assertEquals(List.of(
                new Difference(Kind.KEY_CHANGED, "", "cores", null, "4", "6"),
                new Difference(Kind.DESCRIPTION_CHANGED, "before-pg16", null, null,
                        "before upgrading to PostgreSQL 16", "before the PostgreSQL 16 upgrade"),
                new Difference(Kind.KEY_REMOVED, "before-pg16", "snaptime", null, "1717236000", null),
                new Difference(Kind.SECTION_REMOVED, "initial", null, null, null, null),
                new Difference(Kind.SECTION_ADDED, "nightly", null, null, null, null)), diff.differences());
        assertEquals("[before-pg16] snaptime removed: 1717236000", diff.differences().get(2).summary());
    }

    @Test
    void networkChangesAreShownByOption() {
        String held = LxcFixtures.own("proxy-two-nets.conf");
        String live = held.replace("ip=203.0.113.20/27", "ip=203.0.113.21/27").replace(",firewall=1,hwaddr=BC:24:11:3A:10:02",
                ",hwaddr=BC:24:11:3A:10:02");

        assertEquals(List.of(
                new Difference(Kind.OPTION_REMOVED, "", "net0", "firewall", "1", null),
                new Difference(Kind.OPTION_CHANGED, "", "net1", "ip", "203.0.113.20/27", "203.0.113.21/27")),
                LxcConfigDiff.between(parse(held), parse(live)).differences());
    }
}
