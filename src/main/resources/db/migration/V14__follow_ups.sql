-- Follow-up and the way back in: the check-ins scheduled when a relationship closes, the one-time
-- links a former client answers them from, the reconnect links an ending letter carries, and the
-- link from a new relationship to the earlier one it continues.

alter table relationship add column continues_from uuid;
create index relationship_continues_from on relationship (organisation_id, continues_from) where continues_from is not null;

create table follow_up (
    organisation_id     uuid        not null,
    follow_up_id        uuid        not null,
    relationship_id     uuid        not null,
    client_party_id     uuid        not null,
    helper_id           uuid        not null,
    due_on              date        not null,
    instrument_key      varchar(60),
    status              varchar(20) not null,
    scheduled_at        timestamptz not null,
    released_at         timestamptz,
    link_created_at     timestamptz,
    link_expires_at     timestamptz,
    answered_at         timestamptz,
    administration_id   uuid,
    wants_contact       boolean,
    new_relationship_id uuid,
    version             integer     not null,
    primary key (organisation_id, follow_up_id),
    unique (organisation_id, relationship_id, due_on),
    check (status in ('SCHEDULED', 'DUE', 'LINK_SENT', 'ANSWERED')),
    check ((status = 'ANSWERED') = (answered_at is not null and wants_contact is not null))
);
create index follow_up_by_helper on follow_up (organisation_id, helper_id, status, due_on);

create table reconnect (
    organisation_id     uuid        not null,
    reconnect_id        uuid        not null,
    relationship_id     uuid        not null,
    client_party_id     uuid        not null,
    via                 varchar(20) not null,
    follow_up_id        uuid,
    issued_at           timestamptz not null,
    expires_at          timestamptz,
    asked_at            timestamptz,
    new_relationship_id uuid,
    primary key (organisation_id, reconnect_id),
    check (via in ('LINK', 'FOLLOW_UP'))
);
create index reconnect_by_relationship on reconnect (organisation_id, relationship_id, issued_at);

-- A former client opens a follow-up or reconnect link with nobody signed in, so the token's
-- organisation must be found before any organisation is in scope. These tables hold only a token
-- hash, its organisation and the record it opens, nothing about the client, so (like
-- administration_link) they sit outside row-level security. A row is removed once its link has been
-- used, replaced or found expired.
create table follow_up_link (
    token_hash      varchar(64) not null,
    organisation_id uuid        not null,
    follow_up_id    uuid        not null,
    primary key (token_hash)
);
create index follow_up_link_by_follow_up on follow_up_link (organisation_id, follow_up_id);

create table reconnect_link (
    token_hash      varchar(64) not null,
    organisation_id uuid        not null,
    reconnect_id    uuid        not null,
    primary key (token_hash)
);
create index reconnect_link_by_reconnect on reconnect_link (organisation_id, reconnect_id);

-- The job that releases follow-ups on their dates runs with no organisation in scope; it reads here
-- which organisations have follow-ups falling due, then works in each one under row-level security.
-- Only the organisation, the follow-up's id and its date: nothing about the client. A row is removed
-- when its follow-up is released.
create table follow_up_calendar (
    organisation_id uuid not null,
    follow_up_id    uuid not null,
    due_on          date not null,
    primary key (organisation_id, follow_up_id)
);
create index follow_up_calendar_by_day on follow_up_calendar (due_on, organisation_id);

alter table follow_up enable row level security;
alter table follow_up force row level security;
create policy organisation_isolation on follow_up
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table reconnect enable row level security;
alter table reconnect force row level security;
create policy organisation_isolation on reconnect
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
