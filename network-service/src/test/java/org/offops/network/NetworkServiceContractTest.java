package org.offops.network;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.offops.testkit.OffopsTestResource;
import org.offops.testkit.ServiceContractTest;

@QuarkusTest
@WithTestResource(OffopsTestResource.class)
class NetworkServiceContractTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/fleet-view/servers";
    }
}
