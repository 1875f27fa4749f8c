-- Personal API tokens: a person's own credential for the HTTP API, so that scripts need neither
-- the password nor a bcrypt check on every call. Only a SHA-256 hash of the token is kept (the
-- token itself is 256 random bits, shown once), with its scope, expiry, last use and revocation.
create table api_token (
    organisation_id uuid         not null references organisation (organisation_id),
    token_id        uuid         not null,
    account_id      uuid         not null,
    name            varchar(80)  not null,
    token_hash      bytea        not null,
    scope           varchar(20)  not null check (scope in ('READ', 'READ_WRITE')),
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    version         integer      not null,
    primary key (organisation_id, token_id),
    foreign key (organisation_id, account_id) references user_account (organisation_id, account_id),
    unique (token_hash)
);
create index api_token_by_account on api_token (organisation_id, account_id, created_at desc);

alter table api_token enable row level security;
alter table api_token force row level security;
create policy organisation_isolation on api_token
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

-- A call names no organisation, so its token's organisation is found first, as a sign-in name's is
-- (sign_in_name): this table holds only hashes and organisations, outside the policies.
create table api_token_lookup (
    token_hash      bytea        not null,
    organisation_id uuid         not null,
    primary key (token_hash)
);
