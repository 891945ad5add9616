-- clone rules' state: the origin snapshot the clone follows (recorded with CloneRefreshed), the one a refresh in
-- progress clones (both are protected from pruning), and the last refresh's outcome for GET /clone-rules
alter table clone_rule add column origin_snapshot  varchar(255);
alter table clone_rule add column pending_snapshot varchar(255);
alter table clone_rule add column state            varchar(20)   not null default 'new';
alter table clone_rule add column note             varchar(2000);
alter table clone_rule add column last_error       varchar(2000);
alter table clone_rule add column created_at       timestamptz   not null default now();
alter table clone_rule add column updated_at       timestamptz   not null default now();
