-- People: the helpers of an organisation, their teams and supervision links, and the client
-- parties they help (a person, a couple, a family or a group) with the members who make them up.
-- As everywhere, organisation_id leads every key and index, and row-level security shows a
-- connection only its own organisation's rows.

create table helper (
    organisation_id uuid         not null references organisation (organisation_id),
    helper_id       uuid         not null,
    name            varchar(120) not null,
    discipline      varchar(40)  not null,
    -- The sign-in name of the helper's account, when they have one; the account itself belongs to
    -- the accounts module, which links it back by helper id.
    sign_in_name    varchar(120),
    active          boolean      not null,
    created_at      timestamptz  not null,
    version         integer      not null,
    primary key (organisation_id, helper_id)
);
create index helper_by_name on helper (organisation_id, lower(name));

create table team (
    organisation_id uuid         not null references organisation (organisation_id),
    team_id         uuid         not null,
    name            varchar(120) not null,
    created_at      timestamptz  not null,
    version         integer      not null,
    primary key (organisation_id, team_id)
);
create unique index team_name_unique on team (organisation_id, lower(name));

create table team_member (
    organisation_id uuid        not null,
    team_id         uuid        not null,
    helper_id       uuid        not null,
    joined_at       timestamptz not null,
    primary key (organisation_id, team_id, helper_id),
    foreign key (organisation_id, team_id) references team (organisation_id, team_id),
    foreign key (organisation_id, helper_id) references helper (organisation_id, helper_id)
);
create index team_member_by_helper on team_member (organisation_id, helper_id);

create table supervision (
    organisation_id uuid        not null,
    supervisor_id   uuid        not null,
    supervisee_id   uuid        not null,
    linked_at       timestamptz not null,
    primary key (organisation_id, supervisor_id, supervisee_id),
    foreign key (organisation_id, supervisor_id) references helper (organisation_id, helper_id),
    foreign key (organisation_id, supervisee_id) references helper (organisation_id, helper_id),
    check (supervisor_id <> supervisee_id)
);
create index supervision_by_supervisee on supervision (organisation_id, supervisee_id);

create table client_party (
    organisation_id uuid         not null references organisation (organisation_id),
    client_party_id uuid         not null,
    kind            varchar(20)  not null check (kind in ('PERSON', 'COUPLE', 'FAMILY', 'GROUP')),
    name            varchar(120) not null,
    created_at      timestamptz  not null,
    version         integer      not null,
    primary key (organisation_id, client_party_id)
);
create index client_party_by_name on client_party (organisation_id, lower(name));

create table client_member (
    organisation_id uuid         not null,
    member_id       uuid         not null,
    client_party_id uuid         not null,
    name            varchar(120) not null,
    joined_on       date         not null,
    left_on         date,
    position        integer      not null,
    primary key (organisation_id, member_id),
    foreign key (organisation_id, client_party_id) references client_party (organisation_id, client_party_id),
    check (left_on is null or left_on >= joined_on)
);
create index client_member_by_party on client_member (organisation_id, client_party_id, position);

alter table helper enable row level security;
alter table helper force row level security;
create policy organisation_isolation on helper
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table team enable row level security;
alter table team force row level security;
create policy organisation_isolation on team
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table team_member enable row level security;
alter table team_member force row level security;
create policy organisation_isolation on team_member
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table supervision enable row level security;
alter table supervision force row level security;
create policy organisation_isolation on supervision
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table client_party enable row level security;
alter table client_party force row level security;
create policy organisation_isolation on client_party
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table client_member enable row level security;
alter table client_member force row level security;
create policy organisation_isolation on client_member
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
