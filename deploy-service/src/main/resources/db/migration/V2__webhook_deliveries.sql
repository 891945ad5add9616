-- Every GitHub webhook delivery we acted on, so that a redelivery (same X-GitHub-Delivery) changes nothing.
create table webhook_delivery (
    delivery_id uuid         primary key,
    event       varchar(100) not null,
    repository  varchar(200) not null,
    tag         varchar(200),
    outcome     varchar(20)  not null,
    event_id    uuid,
    received_at timestamptz  not null default now()
);
