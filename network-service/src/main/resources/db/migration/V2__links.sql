-- stunnel links (one PSK per link) and their keys, sealed with AES-GCM under a key that is never in the database.
create table link (
    name           text primary key,
    client_host    text not null,
    client_address text not null,
    client_port    integer not null,
    server_host    text not null,
    server_port    integer not null,
    target_host    text not null,
    target_port    integer not null,
    status         text not null,
    status_detail  text,
    config_commit  text,
    last_check     text,
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

-- state: active (in use), next (being rolled out by a rotation); a retired key is deleted, its identity never reused
create table link_psk (
    link_name  text not null references link (name) on delete cascade,
    identity   text not null unique,
    sealed     bytea not null,
    state      text not null check (state in ('active', 'next')),
    created_at timestamptz not null default now(),
    primary key (link_name, identity)
);
create unique index link_psk_one_per_state on link_psk (link_name, state);
