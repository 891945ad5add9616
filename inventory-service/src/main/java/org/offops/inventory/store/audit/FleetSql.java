package org.offops.inventory.store.audit;

/**
 * The guarded upserts of the fleet view. Parameters end with (event time, event id); a row part changes only when that
 * pair is newer than the one it holds, so replays and late events leave newer state alone.
 */
final class FleetSql {

    static final String CONTAINER = """
            insert into audit_fleet_container as c (name, server, flavor, vmid, present, state_time, state_event_id)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (name) do update set
                server = coalesce(excluded.server, c.server), flavor = coalesce(excluded.flavor, c.flavor),
                vmid = coalesce(excluded.vmid, c.vmid), present = excluded.present,
                state_time = excluded.state_time, state_event_id = excluded.state_event_id
            where c.state_time is null or (c.state_time, c.state_event_id) < (excluded.state_time, excluded.state_event_id)""";

    static final String RELEASE = """
            insert into audit_fleet_container as c (name, release_tag, release_time, release_event_id)
            values (?, ?, ?, ?)
            on conflict (name) do update set
                release_tag = excluded.release_tag, release_time = excluded.release_time,
                release_event_id = excluded.release_event_id
            where c.release_time is null
               or (c.release_time, c.release_event_id) < (excluded.release_time, excluded.release_event_id)""";

    static final String DEPLOY = """
            insert into audit_fleet_container as c (name, deploy_result, deploy_tag, deploy_id, deploy_time, deploy_event_id)
            values (?, ?, ?, ?, ?, ?)
            on conflict (name) do update set
                deploy_result = excluded.deploy_result, deploy_tag = excluded.deploy_tag, deploy_id = excluded.deploy_id,
                deploy_time = excluded.deploy_time, deploy_event_id = excluded.deploy_event_id
            where c.deploy_time is null
               or (c.deploy_time, c.deploy_event_id) < (excluded.deploy_time, excluded.deploy_event_id)""";

    static final String DATASET = """
            insert into audit_fleet_dataset as d (server, dataset, last_snapshot, last_snapshot_at, event_time, event_id)
            values (?, ?, ?, ?, ?, ?)
            on conflict (server, dataset) do update set
                last_snapshot = excluded.last_snapshot, last_snapshot_at = excluded.last_snapshot_at,
                event_time = excluded.event_time, event_id = excluded.event_id
            where (d.event_time, d.event_id) < (excluded.event_time, excluded.event_id)""";

    static final String SNAPSHOT = """
            insert into audit_fleet_snapshot (server, dataset, snapshot, created_at) values (?, ?, ?, ?)
            on conflict do nothing""";

    static final String BACKFILL = """
            update audit_fleet_replica set snapshot_at = ?
            where source_server = ? and source_dataset = ? and snapshot = ? and snapshot_at is null""";

    static final String REPLICA = """
            insert into audit_fleet_replica as r (source_server, source_dataset, target_server, target_dataset, snapshot,
                                                  event_time, event_id, snapshot_at)
            values (?, ?, ?, ?, ?, ?, ?, (select s.created_at from audit_fleet_snapshot s
                                          where s.server = ? and s.dataset = ? and s.snapshot = ?))
            on conflict (source_server, source_dataset, target_server, target_dataset) do update set
                snapshot = excluded.snapshot, snapshot_at = excluded.snapshot_at,
                event_time = excluded.event_time, event_id = excluded.event_id
            where (r.event_time, r.event_id) < (excluded.event_time, excluded.event_id)""";

    private FleetSql() {
    }
}
