-- rendered sanoid.conf + syncoid-args.conf per server, staged in the same transaction as the model change that
-- altered them (a git outbox): a recorder commits them to the infrastructure repository in id order, so a git
-- failure never loses a change (the row stays pending and is retried) and each change is its own commit.
create table server_config_record (
    id            bigserial     primary key,
    server        varchar(63)   not null,
    change_id     uuid          not null,
    description   varchar(500)  not null,
    actor         varchar(200)  not null,
    sanoid_conf   text          not null,
    syncoid_args  text          not null,
    created_at    timestamptz   not null default now(),
    commit_id     varchar(40),
    recorded_at   timestamptz,
    state         varchar(10)   not null default 'pending',
    attempts      integer       not null default 0,
    last_error    varchar(2000)
);

create index server_config_record_server on server_config_record (server, id);
create index server_config_record_pending on server_config_record (id) where state = 'pending';
