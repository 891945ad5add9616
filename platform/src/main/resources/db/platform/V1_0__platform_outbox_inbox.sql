-- Shared by every service, created in the service's own schema (Flyway's default schema).

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
create table outbox_event (
    seq           bigserial    primary key,
    id            uuid         not null unique,
    topic         varchar(100) not null,
    aggregate_key varchar(300) not null,
    type          varchar(200) not null,
    payload       text         not null,
    created_at    timestamptz  not null default now(),
    sent_at       timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Idempotent consumers: one row per event a consumer has applied.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    type         varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
