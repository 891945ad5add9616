-- A scheduler claim is done once its snapshot is recorded (with its SnapshotTaken, in the same transaction). Until
-- then `until` bounds the claim: the slot of a replica killed mid-snapshot is retried by another once it expires.
-- Rows claimed before this migration count as done, so an upgrade never re-takes a snapshot.
alter table scheduler_lease add column done boolean not null default true;
alter table scheduler_lease alter column done set default false;
-- when the holder of the slot's claim was about to run `zfs snapshot` (its snapshot's name is not older): a retry
-- announces a snapshot named from then on instead of taking a second one
alter table scheduler_lease add column taking_since timestamptz;
