package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.storage.domain.replication.DatasetState;
import org.offops.storage.domain.replication.ReplicaSnapshot;
import org.offops.storage.domain.replication.ReplicationPlan;
import org.offops.storage.domain.replication.ReplicationPlanner;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.exec.ReplicaListing;

class ReplicationPlannerTest {

    private static final DatasetRef SRC = DatasetRef.parse("off2:rpool/off/products");
    private static final DatasetRef DST = DatasetRef.parse("off1:rpool/off/products");
    private static final ReplicaSnapshot A = new ReplicaSnapshot("a", 11, 100);
    private static final ReplicaSnapshot B = new ReplicaSnapshot("b", 12, 200);
    private static final ReplicaSnapshot C = new ReplicaSnapshot("c", 13, 300);

    private static ReplicationPlan plan(DatasetState source, DatasetState target) {
        return ReplicationPlanner.plan(SRC, source, DST, target, "syncoid …", "20260101000000");
    }

    private static DatasetState has(ReplicaSnapshot... snaps) {
        return new DatasetState(true, List.of(snaps), null);
    }

    @Test
    void firstPullIsFullOfTheNewestSnapshot() {
        ReplicationPlan p = plan(has(A, B), DatasetState.absent());
        assertEquals(ReplicationPlan.Kind.FULL, p.kind());
        assertEquals("b", p.to());
    }

    @Test
    void nextPullIsIncrementalFromTheNewestCommonSnapshotByGuid() {
        ReplicationPlan p = plan(has(A, B, C), has(A, B));
        assertEquals(ReplicationPlan.Kind.INCREMENTAL, p.kind());
        assertEquals("b", p.from());
        assertEquals("c", p.to());
        assertEquals(ReplicationPlan.Kind.UP_TO_DATE, plan(has(A, B), has(A, B)).kind());
    }

    @Test
    void aSameNamedSnapshotWithAnotherGuidIsNotCommon() {
        ReplicationPlan p = plan(has(A, B), has(new ReplicaSnapshot("a", 99, 100)));
        assertEquals(ReplicationPlan.Kind.DIVERGED, p.kind());
        assertTrue(p.divergence().startsWith("no common snapshot"), p.divergence());
        assertEquals("rpool/off/products_diverged_20260101000000", p.keepAside());
        assertEquals(List.of("on off1: zfs rename rpool/off/products rpool/off/products_diverged_20260101000000"
                        + "   # keeps the diverged copy; destroy it yourself once checked",
                "on off1: syncoid …   # full send of off2:rpool/off/products@b"), p.repair());
    }

    @Test
    void targetSnapshotsNewerThanTheCommonOneAreADivergenceNotARollback() {
        ReplicationPlan p = plan(has(A, B, C), has(A, new ReplicaSnapshot("local", 77, 150)));
        assertEquals(ReplicationPlan.Kind.DIVERGED, p.kind());
        assertTrue(p.divergence().contains("[local]"), p.divergence());
        assertTrue(p.repair().get(0).contains("zfs rollback -r rpool/off/products@a"), p.repair().toString());
    }

    @Test
    void dataWrittenOnTheTargetSinceItsNewestSnapshotIsADivergenceNotARollback() {
        DatasetState written = new DatasetState(true, List.of(A, B), null, 4096);
        for (DatasetState source : List.of(has(A, B, C), has(A, B))) {
            ReplicationPlan p = plan(source, written);
            assertEquals(ReplicationPlan.Kind.DIVERGED, p.kind(), "even with nothing new to send: " + source);
            assertEquals("target modified: 4096 bytes written since b (syncoid's receive -F would roll them back)",
                    p.divergence());
            assertEquals("on off1: zfs rename rpool/off/products rpool/off/products_diverged_20260101000000"
                    + "   # keeps the written data (alternative, discards it: zfs rollback rpool/off/products@b)",
                    p.repair().get(0));
        }
        assertEquals(ReplicationPlan.Kind.RESUME, plan(has(A, B), new DatasetState(true, List.of(A), "1-ab", 4096))
                .kind(), "an interrupted receive's partial state is syncoid's to resume, not a local write");
    }

    @Test
    void anExistingTargetWithoutSnapshotsIsNeverOverwritten() {
        assertEquals(ReplicationPlan.Kind.DIVERGED, plan(has(A), has()).kind());
    }

    @Test
    void aResumeTokenResumesWhateverElseHolds() {
        ReplicationPlan p = plan(has(A, B), new DatasetState(true, List.of(A), "1-abc-de-0123"));
        assertEquals(ReplicationPlan.Kind.RESUME, p.kind());
        assertEquals("1-abc-de-0123", p.resumeToken());
        assertEquals(ReplicationPlan.Kind.NO_SOURCE_SNAPSHOT, plan(has(), DatasetState.absent()).kind());
    }

    @Test
    void listingIsReadFromSyncoidsOwnZfsGetOutput() {
        DatasetState state = ReplicaListing.parse("""
                exists
                token\t-
                written\t4096
                rpool/x@s2\tguid\t222\t-
                rpool/x@s2\tcreation\t200\t-
                rpool/x@s1\tguid\t18446744073709551615\t-
                rpool/x@s1\tcreation\t100\t-
                """);
        assertEquals(List.of(new ReplicaSnapshot("s1", -1, 100), new ReplicaSnapshot("s2", 222, 200)),
                state.snapshots());
        assertEquals(null, state.resumeToken());
        assertEquals(4096, state.written());
        assertEquals(0, ReplicaListing.parse("exists\ntoken\t-\nwritten\t-\n").written(), "no value: nothing known");
        assertEquals(DatasetState.absent(), ReplicaListing.parse("absent\n"));
        assertEquals(12345, ReplicaListing.parseEstimate("incremental\ta\trpool/x@b\t12345\nsize\t12345\n"));
    }
}
