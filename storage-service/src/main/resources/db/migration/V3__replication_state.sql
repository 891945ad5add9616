-- what the last pull of each route did: the source of GET /replication's state, divergence and repair plan
create table route_state (
    route           bigint        primary key references replication_route(id) on delete cascade,
    state           varchar(20)   not null,
    attempts        integer       not null default 0,
    last_error      varchar(2000),
    divergence      varchar(2000),
    repair          text,
    last_snapshot   varchar(255),
    last_bytes      bigint,
    last_duration_ms bigint,
    updated_at      timestamptz   not null default now()
);

-- alarms raised (true) until the value is back under the threshold: an event is published once per crossing
create table storage_alarm (
    alarm       varchar(40)   not null,
    subject     varchar(300)  not null,
    raised      boolean       not null,
    value       bigint        not null,
    threshold   bigint        not null,
    updated_at  timestamptz   not null default now(),
    primary key (alarm, subject)
);
