-- The rest of the fleet model: datacenters, flavors, containers. Servers (V2) now belong to a datacenter.
create table datacenter (
    name        varchar(63)  primary key,
    description varchar(255),
    version     bigint       not null default 0
);

create table flavor (
    name         varchar(30)   primary key,
    repository   varchar(255)  not null,
    code_path    varchar(255)  not null,
    static_path  varchar(255)  not null,
    domains      text          not null,
    platform     varchar(20)   not null,
    version      bigint        not null default 0
);

create table container (
    name        varchar(63)  primary key,
    vmid        integer      not null,
    server      varchar(63)  not null references server (name),
    kind        varchar(20)  not null,
    flavor      varchar(30)  references flavor (name),
    internal_ip varchar(45),
    ssh_host    varchar(255) not null,
    ssh_port    integer      not null,
    host_key    varchar(255),
    services    text         not null,
    lxc_config  text,
    version     bigint       not null default 0,
    unique (server, vmid)
);
create index container_flavor on container (flavor);

-- Existing servers keep their datacenter name; the datacenter row is created for them.
insert into datacenter (name) select distinct datacenter from server on conflict do nothing;
alter table server add constraint server_datacenter foreign key (datacenter) references datacenter (name);
