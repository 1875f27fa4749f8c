-- Session notes, their addenda, and helpers' private process notes. Every column that could hold
-- what a helper wrote is bytea: ciphertext made by Rapport (Tink AEAD, AES-256-GCM) bound to its
-- organisation, its record and its field, so a raw dump of these tables shows no note content and
-- a ciphertext copied onto another row does not decrypt. Names and times stay readable: they are
-- who and when, not what. Sessions live in their own module's tables; their ids are kept here
-- without a foreign key, as modules never reach into each other's tables.

-- An organisation's own note templates, beside the built-in DAP, SOAP, BIRP and free text.
-- A template is never changed once added: notes were written to it.
create table note_template (
    organisation_id uuid         not null references organisation (organisation_id),
    template_key    varchar(40)  not null,
    name            varchar(120) not null,
    created_at      timestamptz  not null,
    created_by      uuid,
    primary key (organisation_id, template_key)
);

create table note_template_section (
    organisation_id uuid         not null default rapport_current_organisation(),
    template_key    varchar(40)  not null,
    position        integer      not null,
    heading         varchar(120) not null,
    primary key (organisation_id, template_key, position),
    foreign key (organisation_id, template_key) references note_template (organisation_id, template_key)
);

-- At most one session note per session. Signed means locked: signed_at and the signer come together.
create table note (
    organisation_id      uuid         not null,
    note_id              uuid         not null,
    session_id           uuid         not null,
    relationship_id      uuid         not null,
    client_party_id      uuid         not null,
    template_key         varchar(40)  not null,
    template_name        varchar(120) not null,
    -- The headings and texts of the sections, as one encrypted JSON document.
    body                 bytea        not null,
    author_account_id    uuid         not null,
    author_name          varchar(120) not null,
    written_at           timestamptz  not null,
    signed_at            timestamptz,
    signed_by_account_id uuid,
    signed_by_name       varchar(120),
    version              integer      not null,
    primary key (organisation_id, note_id),
    constraint note_one_per_session unique (organisation_id, session_id),
    constraint note_signature_whole check ((signed_at is null) = (signed_by_account_id is null)
                                           and (signed_at is null) = (signed_by_name is null))
);
create index note_by_relationship on note (organisation_id, relationship_id);

-- Corrections to a signed note; the note itself is kept as signed.
create table note_addendum (
    organisation_id uuid         not null default rapport_current_organisation(),
    note_id         uuid         not null,
    position        integer      not null,
    body            bytea        not null,
    by_account_id   uuid         not null,
    by_name         varchar(120) not null,
    added_at        timestamptz  not null,
    primary key (organisation_id, note_id, position),
    foreign key (organisation_id, note_id) references note (organisation_id, note_id)
);

-- A helper's own process note on a session: only its author ever reads it, not even an admin.
create table process_note (
    organisation_id   uuid        not null,
    process_note_id   uuid        not null,
    session_id        uuid        not null,
    author_account_id uuid        not null,
    body              bytea       not null,
    written_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (organisation_id, process_note_id),
    constraint process_note_one_per_author unique (organisation_id, session_id, author_account_id)
);

do $$
declare t text;
begin
    foreach t in array array['note_template', 'note_template_section', 'note', 'note_addendum', 'process_note']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy organisation_isolation on %I using (organisation_id = rapport_current_organisation()) '
                       'with check (organisation_id = rapport_current_organisation())', t);
    end loop;
end $$;
