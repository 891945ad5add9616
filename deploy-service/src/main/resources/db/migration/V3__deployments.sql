-- One row per deployment of a release to one container; its steps (deploy, then rollback if any) below.
create table deployment (
    id               uuid         primary key,
    repository       varchar(200),
    release_event_id uuid,
    flavor           varchar(40)  not null,
    container        varchar(100) not null,
    server           varchar(100),
    tag              varchar(120) not null,
    asset_url        varchar(2000),
    previous_tag     varchar(120),
    previous_static  varchar(4096),
    state            varchar(20)  not null,
    announced        boolean      not null default false,
    failed_step      varchar(100),
    error            text,
    correlation_id   varchar(64)  not null,
    actor            varchar(200) not null,
    created_at       timestamptz  not null default now(),
    started_at       timestamptz,
    ended_at         timestamptz,
    version          bigint       not null default 0
);
create index deployment_by_container on deployment (container, created_at desc);
create index deployment_by_state on deployment (state);
create index deployment_by_correlation on deployment (correlation_id);
-- The rule "one deployment at a time per container", held by the database itself.
create unique index deployment_one_active_per_container on deployment (container)
    where state in ('RUNNING', 'ROLLING_BACK');

create table deployment_step (
    id            bigserial     primary key,
    deployment_id uuid          not null references deployment (id),
    phase         varchar(10)   not null,
    seq           int           not null,
    name          varchar(100)  not null,
    kind          varchar(30)   not null,
    args          text          not null,
    state         varchar(12)   not null,
    attempt       int           not null default 0,
    started_at    timestamptz,
    ended_at      timestamptz,
    exit_code     int,
    output_tail   text,
    unique (deployment_id, phase, seq)
);
