-- A consuming service's own read model of the fleet, rebuilt from offops.inventory events alone.
create table known_server (
    name          varchar(63)  primary key,
    datacenter    varchar(63),
    ssh_host      varchar(255),
    ssh_port      integer,
    host_key      varchar(255),
    role          varchar(63),
    last_event_id uuid         not null,
    updated_at    timestamptz  not null default now()
);

create table known_container (
    name          varchar(63)  primary key,
    vmid          integer      not null,
    server        varchar(63)  not null,
    kind          varchar(20),
    flavor        varchar(30),
    internal_ip   varchar(45),
    ssh_host      varchar(255),
    ssh_port      integer,
    services      text,
    last_event_id uuid         not null,
    updated_at    timestamptz  not null default now()
);
