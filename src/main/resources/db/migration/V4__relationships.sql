-- Helping relationships. Child rows take organisation_id from the connection's organisation
-- scope by default, and row-level security checks it, so no row can land in another organisation.

create table relationship (
    organisation_id   uuid          not null,
    relationship_id   uuid          not null,
    client_party_id   uuid          not null,
    team_id           uuid,
    process_model_key varchar(60)   not null,
    status            varchar(20)   not null,
    phase_index       integer       not null,
    referral_source   varchar(200)  not null,
    referral_reason   varchar(4000) not null,
    referred_on       date          not null,
    urgency           varchar(20)   not null,
    submission_id     uuid,
    opened_at         timestamptz   not null,
    last_contact_on   date,
    version           integer       not null,
    primary key (organisation_id, relationship_id),
    constraint relationship_status_known check (status in ('REFERRED','WAITLISTED','ACTIVE','PAUSED','ENDING','ENDED')),
    constraint relationship_phase_not_negative check (phase_index >= 0)
);
-- A form or API call sent twice (same submission id) opens one relationship, not two.
create unique index relationship_submission on relationship (organisation_id, submission_id) where submission_id is not null;
create index relationship_by_client on relationship (organisation_id, client_party_id);

create table relationship_helper (
    organisation_id uuid    not null default rapport_current_organisation(),
    relationship_id uuid    not null,
    helper_id       uuid    not null,
    lead            boolean not null,
    primary key (organisation_id, relationship_id, helper_id)
);
create index relationship_helper_by_helper on relationship_helper (organisation_id, helper_id);

create table status_change (
    organisation_id uuid          not null default rapport_current_organisation(),
    relationship_id uuid          not null,
    position        integer       not null,
    from_status     varchar(20)   not null,
    to_status       varchar(20)   not null,
    reason          varchar(1000) not null,
    changed_by      uuid          not null,
    changed_by_name varchar(120)  not null,
    changed_at      timestamptz   not null,
    primary key (organisation_id, relationship_id, position)
);

create table phase_move (
    organisation_id uuid          not null default rapport_current_organisation(),
    relationship_id uuid          not null,
    position        integer       not null,
    from_phase      integer       not null,
    to_phase        integer       not null,
    from_phase_name varchar(120)  not null,
    to_phase_name   varchar(120)  not null,
    reason          varchar(1000) not null,
    moved_by        uuid          not null,
    moved_by_name   varchar(120)  not null,
    moved_at        timestamptz   not null,
    primary key (organisation_id, relationship_id, position)
);

create table task_completion (
    organisation_id uuid         not null default rapport_current_organisation(),
    relationship_id uuid         not null,
    position        integer      not null,
    phase_key       varchar(60)  not null,
    task_index      integer      not null,
    task            varchar(300) not null,
    done_on         date         not null,
    done_by         uuid         not null,
    done_by_name    varchar(120) not null,
    recorded_at     timestamptz  not null,
    primary key (organisation_id, relationship_id, position),
    unique (organisation_id, relationship_id, phase_key, task_index)
);

create table agreement_revision (
    organisation_id             uuid          not null default rapport_current_organisation(),
    relationship_id             uuid          not null,
    position                    integer       not null,
    revision                    integer       not null,
    purpose_in_clients_words    varchar(2000) not null,
    frequency                   varchar(200)  not null,
    session_length_minutes      integer       not null,
    meeting_modes               varchar(100)  not null,
    roles_and_responsibilities  varchar(4000) not null,
    confidentiality             varchar(4000) not null,
    review_on                   date          not null,
    ending_plan                 varchar(2000) not null,
    change_note                 varchar(1000),
    written_by                  uuid          not null,
    written_by_name             varchar(120)  not null,
    written_at                  timestamptz   not null,
    accepted_on                 date,
    accepted_how                varchar(20),
    acceptance_recorded_by_name varchar(120),
    acceptance_recorded_at      timestamptz,
    primary key (organisation_id, relationship_id, position),
    unique (organisation_id, relationship_id, revision)
);

do $$
declare t text;
begin
    foreach t in array array['relationship', 'relationship_helper', 'status_change', 'phase_move',
                             'task_completion', 'agreement_revision']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy organisation_isolation on %I using (organisation_id = rapport_current_organisation()) '
                       'with check (organisation_id = rapport_current_organisation())', t);
    end loop;
end $$;
