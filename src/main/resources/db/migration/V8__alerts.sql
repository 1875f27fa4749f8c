-- Alerts: a named policy noticed that a relationship needs attention. An alert is acknowledged
-- with what was done and never deleted. The reason is the policy's plain wording: never client content.

create table alert (
    organisation_id      uuid          not null,
    alert_id             uuid          not null,
    relationship_id      uuid          not null,
    client_party_id      uuid          not null,
    kind                 varchar(30)   not null,
    policy               varchar(120)  not null,
    reason               varchar(500)  not null,
    source_id            uuid,
    raised_at            timestamptz   not null,
    acknowledged_at      timestamptz,
    acknowledged_by      uuid,
    acknowledged_by_name varchar(120),
    what_was_done        varchar(2000),
    version              integer       not null,
    primary key (organisation_id, alert_id),
    constraint alert_kind_known check (kind in ('RISK','NOT_ON_TRACK','ALLIANCE_SLIPPING')),
    constraint alert_acknowledged_whole check (
        (acknowledged_at is null and acknowledged_by_name is null and what_was_done is null)
        or (acknowledged_at is not null and acknowledged_by_name is not null and what_was_done is not null))
);
create index alert_by_relationship on alert (organisation_id, relationship_id, raised_at desc);
create index alert_open on alert (organisation_id, relationship_id) where acknowledged_at is null;
-- One open alert per relationship, kind and source: raising the same alert again finds this one.
create unique index alert_open_once on alert (organisation_id, relationship_id, kind,
    coalesce(source_id, '00000000-0000-0000-0000-000000000000'::uuid)) where acknowledged_at is null;

alter table alert enable row level security;
alter table alert force row level security;
create policy organisation_isolation on alert using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
