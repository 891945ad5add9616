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
import org.offops.platform.outbox.Outbox;

/** Server rows and their events, changed together in one transaction through the outbox. */
@ApplicationScoped
public class ServerRegistry {

    private final Outbox outbox;

    public ServerRegistry(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<ServerEntity> list(int offset, int limit) {
        return ServerEntity.findAll(Sort.by("name")).range(offset, offset + limit - 1).list();
    }

    public Optional<ServerEntity> find(String name) {
        return ServerEntity.findByIdOptional(name);
    }

    @Transactional
    public ServerEntity register(ServerState state, String actor) {
        if (ServerEntity.findById(state.name()) != null) {
            throw ApiException.conflict("server " + state.name() + " already exists", "name");
        }
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
        if (server.version != expectedVersion) {
            throw new ApiException(412, "server " + name + " changed since it was read", "If-Match");
        }
        if (server.toState().equals(state)) {
            return server;
        }
        server.apply(state);
        outbox.publish(subject(name), null, actor, new ServerUpdated(state));
        return server;
    }

    @Transactional
    public void remove(String name, String actor) {
        if (!ServerEntity.deleteById(name)) {
            throw ApiException.notFound("no server " + name);
        }
        outbox.publish(subject(name), null, actor, new ServerRemoved(name));
    }

    static String subject(String name) {
        return "server/" + name;
    }
}
