package org.offops.deploy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.platform.fleet.KnownContainer;

/** The app containers of the fleet view, as the planner's facts. */
@ApplicationScoped
public class FleetFacts {

    private static final String APP = "app";

    @Transactional
    public Optional<ContainerFacts> container(String name) {
        KnownContainer container = KnownContainer.findById(name);
        return container == null || !APP.equals(container.kind) ? Optional.empty() : Optional.of(facts(container));
    }

    /** Every app container of {@code flavor}, by name. */
    @Transactional
    public List<ContainerFacts> ofFlavor(String flavor) {
        return KnownContainer.<KnownContainer>list("flavor = ?1 and kind = ?2 order by name", flavor, APP).stream()
                .map(FleetFacts::facts).toList();
    }

    private static ContainerFacts facts(KnownContainer c) {
        List<String> services = c.services == null || c.services.isBlank() ? List.of()
                : Arrays.stream(c.services.split(",")).map(String::trim).toList();
        return new ContainerFacts(c.name, c.flavor, c.server, c.sshHost, c.sshPort == null ? 22 : c.sshPort,
                c.hostKey, services);
    }
}
