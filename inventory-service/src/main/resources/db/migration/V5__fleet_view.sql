-- The fleet as the audit journal sees it, built from events only. Every part of a row remembers the event time and
-- id that last set it; an update applies only when (time, id) is newer, so late and repeated events never move a
-- container or dataset backwards. Prefixed audit_fleet_ to stay apart from the inventory's own tables.
create table audit_fleet_container (
    name             text         primary key,
    server           text,
    flavor           text,
    vmid             integer,
    present          boolean      not null default false,  -- registered and not removed (deploy events alone do not list it)
    state_time       timestamptz,
    state_event_id   uuid,
    release_tag      text,                                  -- what runs now: last succeeded tag or rollback target
    release_time     timestamptz,
    release_event_id uuid,
    deploy_result    text,                                  -- succeeded | failed | rolled-back
    deploy_tag       text,
    deploy_id        text,
    deploy_time      timestamptz,
    deploy_event_id  uuid
);

create table audit_fleet_dataset (
    server            text         not null,
    dataset           text         not null,
    last_snapshot     text         not null,
    last_snapshot_at  timestamptz  not null,
    event_time        timestamptz  not null,
    event_id          uuid         not null,
    primary key (server, dataset)
);

-- When each snapshot was taken, to know how old the newest snapshot on a replication target is.
create table audit_fleet_snapshot (
    server      text         not null,
    dataset     text         not null,
    snapshot    text         not null,
    created_at  timestamptz  not null,
    primary key (server, dataset, snapshot)
);

-- Per replication route, the snapshot last sent to the target; snapshot_at is null until its SnapshotTaken is seen.
create table audit_fleet_replica (
    source_server   text         not null,
    source_dataset  text         not null,
    target_server   text         not null,
    target_dataset  text         not null,
    snapshot        text         not null,
    snapshot_at     timestamptz,
    event_time      timestamptz  not null,
    event_id        uuid         not null,
    primary key (source_server, source_dataset, target_server, target_dataset)
);
