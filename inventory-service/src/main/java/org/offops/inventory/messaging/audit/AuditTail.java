package org.offops.inventory.messaging.audit;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.offops.inventory.domain.audit.AuditEntry;
import org.offops.inventory.domain.audit.AuditFilter;

/**
 * In-process broadcast of newly journaled events to live readers (the SSE tail), fed after each commit.
 *
 * <p>Only events this replica stored pass here: with several replicas in the consumer group, each tail sees the
 * partitions its replica consumes, so a complete live view needs one replica (or a reader per replica).
 */
@ApplicationScoped
public class AuditTail {

    /** Events a slow reader may lag behind before its stream fails (it reconnects and reads the gap from the API). */
    static final int READER_BUFFER = 10_000;

    private final BroadcastProcessor<AuditEntry> processor = BroadcastProcessor.create();

    /** Called by the single consumer thread after commit; serialized anyway, as the processor requires. */
    public synchronized void published(List<AuditEntry> committed) {
        committed.forEach(processor::onNext);
    }

    /** New events matching {@code filter} from now on; nothing is replayed. */
    public Multi<AuditEntry> follow(AuditFilter filter) {
        return processor.filter(filter::matches).onOverflow().buffer(READER_BUFFER);
    }
}
