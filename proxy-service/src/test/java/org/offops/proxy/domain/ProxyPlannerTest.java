package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyPlannerTest {

    private final RenderedConfig desired = new ProxyConfig(RenderSettings.production()).render("proxy", "10.1.0.101",
            List.of(DomainFixtures.off()), List.of(), c -> "10.1.0.113");

    @Test
    void aFreshHostGetsEveryFileCreated() {
        ProxyPlan plan = ProxyPlanner.plan(desired, Map.of(), Set.of());
        assertTrue(plan.files().stream().allMatch(f -> f.action() == FileAction.CREATE));
        assertTrue(plan.touchesFail2ban());
    }

    @Test
    void liveFilesEqualToTheRenderedOnesAreLeftAlone() {
        ProxyPlan plan = ProxyPlanner.plan(desired, desired.files(), desired.files().keySet());
        assertFalse(plan.changesAnything());
    }

    @Test
    void anEditedFileIsUpdatedWithItsDiff() {
        Map<String, String> live = new HashMap<>(desired.files());
        live.put("/etc/nginx/sites-enabled/off", live.get("/etc/nginx/sites-enabled/off")
                .replace("proxy_pass http://10.1.0.113:80/;", "proxy_pass http://10.1.0.999:80/;"));
        ProxyPlan plan = ProxyPlanner.plan(desired, live, desired.files().keySet());
        assertEquals(1, plan.writes().size());
        PlannedFile file = plan.writes().get(0);
        assertEquals(FileAction.UPDATE, file.action());
        assertTrue(file.diff().contains("-        proxy_pass http://10.1.0.999:80/;\n"
                + "+        proxy_pass http://10.1.0.113:80/;\n"), file.diff());
        assertFalse(plan.touchesFail2ban());
    }

    @Test
    void aFileOffopsNoLongerRendersIsDeleted() {
        Map<String, String> live = new HashMap<>(desired.files());
        live.put("/etc/nginx/sites-enabled/obf", "old");
        ProxyPlan plan = ProxyPlanner.plan(desired, live, Set.of("/etc/nginx/sites-enabled/obf"));
        assertEquals(List.of("/etc/nginx/sites-enabled/obf"), plan.deletions().stream().map(PlannedFile::path).toList());
    }

    @Test
    void aFileOffopsNeverOwnedIsNeverDeleted() {
        Map<String, String> live = new HashMap<>(desired.files());
        live.put("/etc/nginx/sites-enabled/default", "hand-made");
        assertEquals(List.of(), ProxyPlanner.plan(desired, live, desired.files().keySet()).deletions());
    }
}
