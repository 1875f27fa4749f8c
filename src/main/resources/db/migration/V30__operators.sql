-- A hosted Rapport serves many organisations, run by operators who belong to none of them. An
-- operator opens organisations, invites their first admin, suspends and reopens them, and sees
-- counts only. These tables hold no client's name or record, and must be read before any
-- organisation is in scope, so they sit outside the row-level security policies.

create table operator_account (
    operator_id   uuid         not null,
    username      varchar(120) not null,
    password_hash varchar(200) not null,
    display_name  varchar(120) not null,
    enabled       boolean      not null,
    created_at    timestamptz  not null,
    version       integer      not null,
    primary key (operator_id),
    unique (username)
);

-- Every organisation on this Rapport and whether it is open; sign-in and API tokens read it to
-- refuse a suspended organisation's staff.
create table hosted_organisation (
    organisation_id uuid         not null,
    opened_at       timestamptz  not null,
    opened_by       varchar(120),
    suspended_at    timestamptz,
    suspended_by    varchar(120),
    primary key (organisation_id)
);

-- The organisations opened before: every one has a sign-in name (the organisation table itself is
-- behind its policy here).
insert into hosted_organisation (organisation_id, opened_at)
select distinct organisation_id, now() from sign_in_name;

-- What each operator did, for the installation; never edited, only appended to.
create table operator_audit_entry (
    entry_id          uuid         not null,
    happened_at       timestamptz  not null,
    operator_username varchar(120) not null,
    action            varchar(20)  not null,
    organisation_id   uuid,
    detail            varchar(300) not null,
    remote_address    varchar(64)  not null,
    primary key (entry_id)
);
create index operator_audit_entry_by_time on operator_audit_entry (happened_at desc);
