-- Re-encryption after a new primary key: one row per primary key that older text is moved under,
-- with who asked, when, and when every store had finished. It holds no client data and belongs to
-- the installation, not to an organisation.
create table narrative_rewrap (
    primary_key_id bigint       not null,
    requested_at   timestamptz  not null,
    requested_by   varchar(200) not null,
    rows_done      bigint       not null default 0,
    finished_at    timestamptz,
    primary key (primary_key_id)
);
