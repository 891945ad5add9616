-- Proxmox hosts of the fleet. Containers, flavors and the audit journal come with their own migrations.
create table server (
    name        varchar(63)  primary key,
    datacenter  varchar(63)  not null,
    ssh_host    varchar(255) not null,
    ssh_port    integer      not null,
    host_key    varchar(255),
    role        varchar(63)  not null,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
