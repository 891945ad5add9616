-- Containers are SSH targets too: keep the pinned host key fingerprint inventory publishes.
alter table known_container add column host_key varchar(255);
