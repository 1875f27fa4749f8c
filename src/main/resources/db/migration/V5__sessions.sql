-- Sessions: meetings between helper and client party, scheduled ahead or recorded after the fact.
-- The day and time are local to the organisation (the application clock's zone).

create table session (
    organisation_id  uuid         not null,
    session_id       uuid         not null,
    relationship_id  uuid         not null,
    client_party_id  uuid         not null,
    held_on          date         not null,
    starts_at        time         not null,
    length_minutes   integer      not null,
    mode             varchar(20)  not null,
    place            varchar(200),
    outcome          varchar(30)  not null,
    phase_key        varchar(60),
    phase_name       varchar(120),
    created_at       timestamptz  not null,
    created_by_name  varchar(120) not null,
    recorded_at      timestamptz,
    recorded_by_name varchar(120),
    version          integer      not null,
    primary key (organisation_id, session_id),
    constraint session_length_sensible check (length_minutes between 5 and 480),
    constraint session_mode_known check (mode in ('IN_PERSON','VIDEO','PHONE')),
    constraint session_outcome_known check (outcome in ('SCHEDULED','ATTENDED','CANCELLED_BY_CLIENT','CANCELLED_BY_HELPER','DID_NOT_ATTEND'))
);
create index session_by_relationship on session (organisation_id, relationship_id, held_on desc, starts_at desc);

-- The helpers of the relationship when the session was made: whose calendar it belongs in.
create table session_helper (
    organisation_id uuid not null default rapport_current_organisation(),
    session_id      uuid not null,
    helper_id       uuid not null,
    primary key (organisation_id, session_id, helper_id)
);
create index session_helper_by_helper on session_helper (organisation_id, helper_id);

-- Who of a couple, family or group was there; names as they were on the day.
create table session_attendance (
    organisation_id uuid         not null default rapport_current_organisation(),
    session_id      uuid         not null,
    member_id       uuid         not null,
    member_name     varchar(200) not null,
    present         boolean      not null,
    primary key (organisation_id, session_id, member_id)
);

create table session_skill (
    organisation_id uuid        not null default rapport_current_organisation(),
    session_id      uuid        not null,
    skill           varchar(40) not null,
    primary key (organisation_id, session_id, skill)
);

-- A helper's calendar feed: only a hash of its secret token is kept.
create table calendar_feed (
    organisation_id uuid        not null,
    helper_id       uuid        not null,
    token_hash      varchar(64) not null,
    created_at      timestamptz not null,
    primary key (organisation_id, helper_id),
    unique (organisation_id, token_hash)
);

-- A calendar asks for its feed with nobody signed in, so the token's organisation must be found
-- before any organisation is in scope. This table holds only a token hash and its organisation,
-- nothing about a client or a helper, so (like sign_in_name) it sits outside row-level security.
create table calendar_feed_token (
    token_hash      varchar(64) not null,
    organisation_id uuid        not null,
    primary key (token_hash)
);

alter table session enable row level security;
alter table session force row level security;
create policy organisation_isolation on session
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table session_helper enable row level security;
alter table session_helper force row level security;
create policy organisation_isolation on session_helper
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table session_attendance enable row level security;
alter table session_attendance force row level security;
create policy organisation_isolation on session_attendance
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table session_skill enable row level security;
alter table session_skill force row level security;
create policy organisation_isolation on session_skill
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table calendar_feed enable row level security;
alter table calendar_feed force row level security;
create policy organisation_isolation on calendar_feed
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
