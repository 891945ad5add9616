package org.offops.proxy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.ServiceContractTest;

@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class ProxyServiceContractTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/fleet-view/servers";
    }
}
