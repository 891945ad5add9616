package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredStateTest {

    private final DesiredState current = new DesiredState(List.of(DomainFixtures.off(), DomainFixtures.images()),
            List.of(DomainFixtures.scrapers()));

    @Test
    void aPutSiteReplacesTheSiteOfTheSameId() {
        DesiredState next = current.with(new ConfigChange.PutSite(DomainFixtures.off().withContainer("obf"), 0L));
        assertEquals("obf", next.sitesOn("proxy").get(0).container());
        assertEquals(2, next.sites().size());
    }

    @Test
    void deletionsRemoveAndProxyHostsFollowTheProxySites() {
        assertEquals(List.of("proxy"), current.proxyHosts());
        DesiredState next = current.with(new ConfigChange.DeleteSite("off", 0L))
                .with(new ConfigChange.DeleteRule("scrapers", 0L));
        assertEquals(List.of(), next.proxyHosts());
        assertEquals(List.of(), next.rules());
        assertEquals(List.of("images"), next.sites().stream().map(Site::id).toList());
    }
}
