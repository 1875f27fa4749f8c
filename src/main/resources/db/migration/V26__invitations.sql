-- Invitations: an admin invites a member of staff by email, and they choose their own password
-- from a one-time link that works for 72 hours. The account is opened with the invitation, with a
-- random password nobody knows, so it cannot sign in until the link is used. One invitation per
-- account: sending it again replaces the link and starts the 72 hours again.
create table invitation (
    organisation_id uuid         not null,
    account_id      uuid         not null,
    invited_by      varchar(120) not null,
    invited_at      timestamptz  not null,
    sent_at         timestamptz  not null,
    expires_at      timestamptz  not null,
    times_sent      integer      not null,
    accepted_at     timestamptz,
    withdrawn_at    timestamptz,
    version         integer      not null,
    primary key (organisation_id, account_id),
    foreign key (organisation_id, account_id) references user_account (organisation_id, account_id)
);

alter table invitation enable row level security;
alter table invitation force row level security;
create policy organisation_isolation on invitation
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

-- The person opens their link with nobody signed in, so the link's organisation must be found
-- before any organisation is in scope. Only the SHA-256 hash of the link's token is kept, with its
-- organisation and account, outside the policies (like administration_link); the row is removed
-- once the link is used, replaced or withdrawn.
create table invitation_link (
    token_hash      varchar(64) not null,
    organisation_id uuid        not null,
    account_id      uuid        not null,
    primary key (token_hash)
);
create index invitation_link_by_account on invitation_link (organisation_id, account_id);
