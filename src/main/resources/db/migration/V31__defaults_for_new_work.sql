-- What an organisation's new work starts with, chosen by its admins: the process model a referral
-- follows unless another is chosen, and the measurement plan each new relationship starts with.
-- And how long the organisation keeps a client's records after the work ends (used by later work).

create table default_process_model (
    organisation_id uuid        not null default rapport_current_organisation()
                                references organisation (organisation_id),
    model_key       varchar(60) not null,
    chosen_at       timestamptz not null,
    primary key (organisation_id)
);

create table default_measurement_plan (
    organisation_id uuid        not null default rapport_current_organisation()
                                references organisation (organisation_id),
    instrument_key  varchar(60) not null,
    timing          varchar(20) not null,
    every_n         integer,
    primary key (organisation_id, instrument_key),
    check (timing in ('FIRST_SESSION', 'EVERY_SESSION', 'EVERY_N_SESSIONS', 'AT_ENDING', 'AT_FOLLOW_UP')),
    check ((timing = 'EVERY_N_SESSIONS') = (every_n is not null)),
    check (every_n is null or every_n between 2 and 52)
);

alter table default_process_model enable row level security;
alter table default_process_model force row level security;
create policy organisation_isolation on default_process_model
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

alter table default_measurement_plan enable row level security;
alter table default_measurement_plan force row level security;
create policy organisation_isolation on default_measurement_plan
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

-- Empty: kept until an admin decides. Otherwise whole years after the work ends.
alter table organisation add column records_kept_years integer;
alter table organisation add constraint records_kept_years_range
    check (records_kept_years is null or records_kept_years between 1 and 100);
