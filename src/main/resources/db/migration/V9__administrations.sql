-- Administering measures: a relationship's measurement plan, each time an instrument is given to a
-- client (by a one-time link or entered by the helper in a session) with its answers and score,
-- and the lookup from a link's token hash to its organisation.

create table measurement_plan (
    organisation_id  uuid        not null default rapport_current_organisation(),
    relationship_id  uuid        not null,
    instrument_key   varchar(60) not null,
    timing           varchar(20) not null,
    every_n          integer,
    primary key (organisation_id, relationship_id, instrument_key),
    check (timing in ('FIRST_SESSION', 'EVERY_SESSION', 'EVERY_N_SESSIONS', 'AT_ENDING', 'AT_FOLLOW_UP')),
    check ((timing = 'EVERY_N_SESSIONS') = (every_n is not null)),
    check (every_n is null or every_n between 2 and 52)
);

create table administration (
    organisation_id   uuid          not null,
    administration_id uuid          not null,
    relationship_id   uuid          not null,
    client_party_id   uuid          not null,
    instrument_key    varchar(60)   not null,
    session_id        uuid,
    first_name        varchar(200)  not null,
    created_at        timestamptz   not null,
    created_by        varchar(300)  not null,
    expires_at        timestamptz,
    status            varchar(20)   not null,
    answers           jsonb         not null default '{}'::jsonb,
    completed_at      timestamptz,
    entered_by        varchar(10),
    total             numeric(8, 3),
    band              varchar(100),
    meets_cut_off     boolean,
    risk_endorsed     boolean,
    primary key (organisation_id, administration_id),
    check (status in ('SENT', 'IN_PROGRESS', 'COMPLETED', 'EXPIRED')),
    check (entered_by is null or entered_by in ('HELPER', 'CLIENT')),
    check ((status = 'COMPLETED') = (completed_at is not null and total is not null))
);

create index administration_relationship on administration (organisation_id, relationship_id, instrument_key, completed_at);

-- A client opens their link with nobody signed in, so the token's organisation must be found before
-- any organisation is in scope. This table holds only a token hash, its organisation and the
-- administration it opens, nothing about the client, so (like calendar_feed_token) it sits outside
-- row-level security. The row is removed once the link has been used or has expired.
create table administration_link (
    token_hash        varchar(64) not null,
    organisation_id   uuid        not null,
    administration_id uuid        not null,
    primary key (token_hash)
);

alter table measurement_plan enable row level security;
alter table measurement_plan force row level security;
create policy organisation_isolation on measurement_plan
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table administration enable row level security;
alter table administration force row level security;
create policy organisation_isolation on administration
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
