package org.offops.inventory.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.offops.events.inventory.ServerRegistered;
import org.offops.events.inventory.ServerRemoved;
import org.offops.events.inventory.ServerState;
import org.offops.events.inventory.ServerUpdated;
import org.offops.platform.api.ApiException;
import org.offops.platform.api.Paging;
import org.offops.platform.api.Versions;
import org.offops.platform.outbox.Outbox;

/** Server rows and their events, changed together in one transaction through the outbox. */
@ApplicationScoped
public class ServerRegistry {

    private final Outbox outbox;

    public ServerRegistry(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<ServerEntity> list(String datacenter, Paging page) {
        var query = datacenter == null ? ServerEntity.<ServerEntity>findAll(Sort.by("name"))
                : ServerEntity.<ServerEntity>find("datacenter", Sort.by("name"), datacenter);
        return query.range(page.offset(), page.last()).list();
    }

    public Optional<ServerEntity> find(String name) {
        return ServerEntity.findByIdOptional(name);
    }

    @Transactional
    public ServerEntity register(ServerState state, String actor) {
        if (ServerEntity.findById(state.name()) != null) {
            throw ApiException.conflict("server " + state.name() + " already exists", "name");
        }
        requireDatacenter(state.datacenter());
        ServerEntity server = new ServerEntity();
        server.apply(state);
        server.persist();
        outbox.publish(subject(state.name()), null, actor, new ServerRegistered(state));
        return server;
    }

    /** Replaces a server's state when its version still matches what the caller read (If-Match). */
    @Transactional
    public ServerEntity update(String name, long expectedVersion, ServerState state, String actor) {
        ServerEntity server = ServerEntity.<ServerEntity>findByIdOptional(name)
                .orElseThrow(() -> ApiException.notFound("no server " + name));
        Versions.requireMatch(expectedVersion, server.version, "server " + name);
        if (server.toState().equals(state)) {
            return server;
        }
        requireDatacenter(state.datacenter());
        server.apply(state);
        outbox.publish(subject(name), null, actor, new ServerUpdated(state));
        return server;
    }

    @Transactional
    public void remove(String name, String actor) {
        if (ContainerEntity.count("server", name) > 0) {
            throw ApiException.conflict("server " + name + " still has containers; remove them first", "name");
        }
        if (!ServerEntity.deleteById(name)) {
            throw ApiException.notFound("no server " + name);
        }
        outbox.publish(subject(name), null, actor, new ServerRemoved(name));
    }

    private static void requireDatacenter(String datacenter) {
        if (DatacenterEntity.findById(datacenter) == null) {
            throw ApiException.unprocessable("no datacenter " + datacenter + "; register it first", "datacenter");
        }
    }

    static String subject(String name) {
        return "server/" + name;
    }
}
