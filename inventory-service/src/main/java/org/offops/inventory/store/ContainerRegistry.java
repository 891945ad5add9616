package org.offops.inventory.store;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.offops.events.inventory.ContainerRegistered;
import org.offops.events.inventory.ContainerRemoved;
import org.offops.events.inventory.ContainerState;
import org.offops.events.inventory.ContainerUpdated;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Paging;
import org.offops.platform.api.Versions;
import org.offops.platform.outbox.Outbox;

/** Container rows and their events, changed together in one transaction through the outbox. */
@ApplicationScoped
public class ContainerRegistry {

    private final Outbox outbox;

    public ContainerRegistry(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Containers matching the optional server, flavor and kind filters, by name. */
    public List<ContainerEntity> list(String server, String flavor, String kind, Paging page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (server != null) {
            where.add("server = :server");
            params = params.and("server", server);
        }
        if (flavor != null) {
            where.add("flavor = :flavor");
            params = params.and("flavor", flavor);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params = params.and("kind", kind);
        }
        var query = where.isEmpty() ? ContainerEntity.<ContainerEntity>findAll(Sort.by("name"))
                : ContainerEntity.<ContainerEntity>find(String.join(" and ", where), Sort.by("name"), params);
        return query.range(page.offset(), page.last()).list();
    }

    public Optional<ContainerEntity> find(String name) {
        return ContainerEntity.findByIdOptional(name);
    }

    @Transactional
    public ContainerEntity register(ContainerState state, String actor) {
        if (ContainerEntity.findById(state.name()) != null) {
            throw ApiException.conflict("container " + state.name() + " already exists", "name");
        }
        checkReferences(state, null);
        ContainerEntity container = new ContainerEntity();
        container.apply(state);
        container.persist();
        outbox.publish(subject(state.name()), null, actor, new ContainerRegistered(state));
        return container;
    }

    @Transactional
    public ContainerEntity update(String name, long expectedVersion, ContainerState state, String actor) {
        ContainerEntity container = find(name).orElseThrow(() -> ApiException.notFound("no container " + name));
        Versions.requireMatch(expectedVersion, container.version, "container " + name);
        if (container.toState().equals(state)) {
            return container;
        }
        checkReferences(state, name);
        container.apply(state);
        outbox.publish(subject(name), null, actor, new ContainerUpdated(state));
        return container;
    }

    @Transactional
    public void remove(String name, String actor) {
        ContainerEntity container = find(name).orElseThrow(() -> ApiException.notFound("no container " + name));
        container.delete();
        outbox.publish(subject(name), null, actor, new ContainerRemoved(name, container.server));
    }

    private static void checkReferences(ContainerState state, String self) {
        if (ServerEntity.findById(state.server()) == null) {
            throw ApiException.unprocessable("no server " + state.server(), "server");
        }
        if (state.flavor() != null && FlavorEntity.findById(state.flavor()) == null) {
            throw ApiException.unprocessable("no flavor " + state.flavor(), "flavor");
        }
        ContainerEntity sameVmid = ContainerEntity.find("server = ?1 and vmid = ?2", state.server(), state.vmid())
                .firstResult();
        if (sameVmid != null && !sameVmid.name.equals(self)) {
            throw ApiException.conflict("vmid " + state.vmid() + " is already used on " + state.server()
                    + " by " + sameVmid.name, "vmid");
        }
    }

    static String subject(String name) {
        return "container/" + name;
    }
}
