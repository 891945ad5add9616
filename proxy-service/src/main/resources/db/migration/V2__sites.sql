-- Sites and bot rules as offops renders them: the validated spec as JSON, versioned for If-Match.
create table site (
    id          varchar(63)  primary key,
    host        varchar(63)  not null,
    spec        text         not null,
    version     bigint       not null default 0,
    updated_at  timestamptz  not null default now()
);
create index site_host on site (host);

create table bot_rule (
    name        varchar(63)  primary key,
    spec        text         not null,
    version     bigint       not null default 0,
    updated_at  timestamptz  not null default now()
);

-- What offops last applied to each host, file by file: the reference for drift and for deleting stale files.
create table applied_file (
    id             varchar(1100) primary key,
    host           varchar(63)   not null,
    path           varchar(1024) not null,
    site           varchar(63),
    content        text          not null,
    sha256         char(64)      not null,
    commit_id      varchar(64),
    applied_at     timestamptz   not null,
    drift_sha256   char(64)
);
create index applied_file_host on applied_file (host);

-- The upstream address each proxy site was last applied with, to notice a container that moved.
create table applied_upstream (
    site       varchar(63)  primary key,
    host       varchar(63)  not null,
    container  varchar(63)  not null,
    address    varchar(255) not null
);
create index applied_upstream_container on applied_upstream (container);

-- Bans operators made through the API (fail2ban keeps its own state; this is who and when).
create table manual_ban (
    ip          varchar(64)  primary key,
    jail        varchar(63)  not null,
    actor       varchar(255) not null,
    created_at  timestamptz  not null default now()
);

-- Certificate alarms already raised, so one expiry raises one alarm.
create table certificate_alarm (
    id          varchar(200) primary key,
    site        varchar(63)  not null,
    not_after   timestamptz  not null,
    raised_at   timestamptz  not null default now()
);
