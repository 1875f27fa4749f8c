-- Handovers: a relationship moved from one lead helper to another, kept with the relationship.
-- Names are kept as they were on the day; the new helper's confirmation is added later.

create table handover (
    organisation_id     uuid          not null default rapport_current_organisation(),
    relationship_id     uuid          not null,
    position            integer       not null,
    number              integer       not null,
    from_helper_id      uuid          not null,
    from_helper_name    varchar(120)  not null,
    to_helper_id        uuid          not null,
    to_helper_name      varchar(120)  not null,
    reason              varchar(20)   not null,
    note                varchar(4000) not null,
    agreement_revision  integer,
    handed_over_by      uuid          not null,
    handed_over_by_name varchar(120)  not null,
    handed_over_at      timestamptz   not null,
    confirmed_at        timestamptz,
    confirmed_by_name   varchar(120),
    primary key (organisation_id, relationship_id, position),
    unique (organisation_id, relationship_id, number),
    constraint handover_reason_known check (reason in ('LEAVING','CASELOAD','BETTER_FIT','OTHER')),
    constraint handover_to_another_helper check (from_helper_id <> to_helper_id)
);
create index handover_by_helper on handover (organisation_id, to_helper_id);

alter table handover enable row level security;
alter table handover force row level security;
create policy organisation_isolation on handover
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
