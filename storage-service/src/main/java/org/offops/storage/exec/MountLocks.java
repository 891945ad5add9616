package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownContainer;
import org.offops.storage.store.TickClaims;

/**
 * Serializes changes to one container's mount points, in this process (a lock) and across replicas (a PostgreSQL
 * lease {@code mount/<server>/<vmid>}): two requests must never read the same free slot and both take it.
 */
@ApplicationScoped
public class MountLocks {

    private final TickClaims claims;
    private final String holder = "storage-service/" + UUID.randomUUID();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public MountLocks(TickClaims claims) {
        this.claims = claims;
    }

    /** Runs {@code work} holding this process's lock and the replicas' PostgreSQL lease on the container. */
    public <T> T exclusively(KnownContainer ct, Supplier<T> work) {
        String job = "mount/" + ct.server + "/" + ct.vmid;
        ReentrantLock lock = locks.computeIfAbsent(job, k -> new ReentrantLock());
        lock.lock();
        try {
            if (!claims.lease(job, holder, Duration.ofMinutes(5))) {
                throw ApiException.conflict("another storage-service instance is changing the mount points of "
                        + ct.name + " right now; try again", "container");
            }
            try {
                return work.get();
            } finally {
                claims.unlease(job, holder);
            }
        } finally {
            lock.unlock();
        }
    }
}
