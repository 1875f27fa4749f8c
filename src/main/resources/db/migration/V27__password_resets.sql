-- A link to choose a new password: asked for by the person ("forgot your password?") or sent by an
-- admin. It works once, for an hour; only the SHA-256 hash of its token is kept. The person opens it
-- with nobody signed in, so it is found by that hash before any organisation is in scope, and the
-- table holds only hashes, ids and times, outside the policies (like invitation_link). A newer link
-- for the same account replaces the older; a used one is removed.
create table password_reset_link (
    token_hash      varchar(64) not null,
    organisation_id uuid        not null,
    account_id      uuid        not null,
    requested_at    timestamptz not null,
    expires_at      timestamptz not null,
    primary key (token_hash)
);
create index password_reset_link_by_account on password_reset_link (organisation_id, account_id);
