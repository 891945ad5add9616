-- storage-service's own model: datasets, sanoid policies, replication routes, clone rules, mounts, known snapshots.
create table snapshot_policy (
    name            varchar(63)  primary key,
    frequent_period integer      not null default 15,
    frequently      integer      not null default 0,
    hourly          integer      not null default 48,
    daily           integer      not null default 90,
    weekly          integer      not null default 0,
    monthly         integer      not null default 6,
    yearly          integer      not null default 0,
    autosnap        boolean      not null default true,
    autoprune       boolean      not null default true,
    recursive       boolean      not null default false,
    children_only   boolean      not null default false,
    version         bigint       not null default 0
);

create table dataset (
    id          bigserial    primary key,
    server      varchar(63)  not null,
    name        varchar(255) not null,
    kind        varchar(20)  not null,
    flavor      varchar(30),
    scope       varchar(20)  not null,
    policy      varchar(63)  references snapshot_policy(name),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    unique (server, name)
);

create table replication_route (
    id              bigserial    primary key,
    source_dataset  bigint       not null references dataset(id),
    target_dataset  bigint       not null references dataset(id) unique,
    recursive       boolean      not null default false,
    options         varchar(500) not null default '--no-sync-snap --no-privilege-elevation',
    created_at      timestamptz  not null default now()
);

create table clone_rule (
    id              bigserial    primary key,
    origin_dataset  bigint       not null references dataset(id),
    clone_name      varchar(255) not null,
    period          varchar(20)  not null default 'daily',
    unique (origin_dataset, clone_name)
);

create table dataset_mount (
    id              bigserial    primary key,
    dataset         bigint       not null references dataset(id),
    container       varchar(63)  not null,
    slot            integer      not null,
    container_path  varchar(255) not null,
    unique (container, slot),
    unique (container, container_path)
);

-- what offops last saw or did on a host: snapshots per dataset (the source of lag and counts)
create table known_snapshot (
    dataset     bigint       not null references dataset(id) on delete cascade,
    name        varchar(255) not null,
    creation    timestamptz  not null,
    held        boolean      not null default false,
    primary key (dataset, name)
);

-- the scheduler's lease: one row per job, taken with a conditional update so two replicas never both run it
create table scheduler_lease (
    job         varchar(63)  primary key,
    holder      varchar(100) not null,
    until       timestamptz  not null,
    last_tick   timestamptz
);
