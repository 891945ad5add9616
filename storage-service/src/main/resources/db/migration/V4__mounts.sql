-- container bind mounts offops configured or adopted: which container (vmid, server), the host path bound (the
-- dataset's mountpoint when it was set) and since when. A re-slot moves several rows at once, so (container, slot)
-- is checked at commit.
alter table dataset_mount add column server varchar(63);
alter table dataset_mount add column vmid integer;
alter table dataset_mount add column host_path varchar(4096);
alter table dataset_mount add column created_at timestamptz not null default now();
update dataset_mount set server = '', vmid = 0, host_path = '' where server is null;
alter table dataset_mount alter column server set not null;
alter table dataset_mount alter column vmid set not null;
alter table dataset_mount alter column host_path set not null;
alter table dataset_mount drop constraint dataset_mount_container_slot_key;
alter table dataset_mount add constraint dataset_mount_container_slot_key unique (container, slot)
    deferrable initially deferred;
