-- The audit journal: every event of every offops.* topic, stored once. The CloudEvents id is the duplicate guard
-- (a redelivered record hits "on conflict (id) do nothing"); seq is the storage order and breaks ties in "time".
-- Text columns are unbounded on purpose: a long but valid subject must be journaled, not dead-lettered.
create table audit_event (
    seq             bigint       generated always as identity primary key,
    id              uuid         not null unique,
    type            text         not null,
    source          text         not null,
    subject         text,
    time            timestamptz  not null,  -- the event's own time; the receive time when the producer sent none
    correlation_id  text,
    actor           text,
    topic           text         not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    data            jsonb,
    received_at     timestamptz  not null default now()
);

-- Reads are "newest first" by (time, seq), optionally narrowed by one or more equality filters. Each filter has an
-- index ending in (time, seq) so a page is a short backward index scan from the cursor, whatever the table size.
create index audit_event_by_time        on audit_event (time, seq);
create index audit_event_by_subject     on audit_event (subject, time, seq);
create index audit_event_by_type        on audit_event (type, time, seq);
create index audit_event_by_correlation on audit_event (correlation_id, time, seq);
create index audit_event_by_actor       on audit_event (actor, time, seq);
