-- Rapport's first wall between organisations is the application; the second is this: every
-- table carries organisation_id, it leads every key and index (so the schema can later be
-- distributed by organisation), and row-level security shows a connection only the rows of the
-- organisation in its 'rapport.organisation_id' setting.

create function rapport_current_organisation() returns uuid
    language sql stable
as $$ select nullif(current_setting('rapport.organisation_id', true), '')::uuid $$;

create table organisation (
    organisation_id uuid         not null,
    name            varchar(200) not null,
    created_at      timestamptz  not null,
    version         integer      not null,
    primary key (organisation_id)
);

-- Sign-in must find a user's organisation before any organisation is in scope. This table holds
-- only the sign-in name and its organisation, nothing about a client, so it sits outside the
-- row-level security policies (a reference table in a distributed schema).
create table sign_in_name (
    username        varchar(120) not null,
    organisation_id uuid         not null,
    primary key (username)
);

create table user_account (
    organisation_id uuid         not null references organisation (organisation_id),
    account_id      uuid         not null,
    username        varchar(120) not null,
    password_hash   varchar(200) not null,
    display_name    varchar(120) not null,
    roles           varchar(100) not null,
    helper_id       uuid,
    enabled         boolean      not null,
    created_at      timestamptz  not null,
    version         integer      not null,
    primary key (organisation_id, account_id),
    unique (organisation_id, username)
);

create table audit_entry (
    organisation_id  uuid         not null,
    entry_id         uuid         not null,
    happened_at      timestamptz  not null,
    actor_account_id uuid,
    actor_name       varchar(120) not null,
    action           varchar(20)  not null,
    record_type      varchar(60)  not null,
    record_id        uuid         not null,
    client_party_id  uuid,
    detail           varchar(300) not null,
    remote_address   varchar(64)  not null,
    primary key (organisation_id, entry_id)
);
create index audit_entry_by_client on audit_entry (organisation_id, client_party_id, happened_at desc);

alter table organisation enable row level security;
alter table organisation force row level security;
create policy organisation_isolation on organisation
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table user_account enable row level security;
alter table user_account force row level security;
create policy organisation_isolation on user_account
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy organisation_isolation on audit_entry
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
