-- A second factor for sign-in: a time-based one-time code (RFC 6238) from an authenticator app,
-- with single-use recovery codes for a lost phone. The shared secret is encrypted with the same
-- envelope as client narrative, bound to the organisation, the account and the field; the last
-- time step used is kept so a code cannot be used twice. Recovery codes are kept as SHA-256 hashes.
create table second_factor (
    organisation_id uuid        not null,
    account_id      uuid        not null,
    secret          bytea       not null,
    confirmed_at    timestamptz not null,
    last_used_step  bigint      not null,
    version         integer     not null,
    primary key (organisation_id, account_id),
    foreign key (organisation_id, account_id) references user_account (organisation_id, account_id)
);

create table recovery_code (
    organisation_id uuid        not null,
    account_id      uuid        not null,
    code_hash       bytea       not null,
    used_at         timestamptz,
    primary key (organisation_id, account_id, code_hash),
    foreign key (organisation_id, account_id) references user_account (organisation_id, account_id)
);

-- Who must sign in with a second factor: nobody, the organisation's admins (the default), or all its staff.
alter table organisation add column second_factor_required varchar(20) not null default 'ADMINS'
    check (second_factor_required in ('NOBODY', 'ADMINS', 'ALL_STAFF'));

alter table second_factor enable row level security;
alter table second_factor force row level security;
create policy organisation_isolation on second_factor
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table recovery_code enable row level security;
alter table recovery_code force row level security;
create policy organisation_isolation on recovery_code
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
