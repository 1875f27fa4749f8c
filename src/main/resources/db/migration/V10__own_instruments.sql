-- An organisation's own instruments: ones it holds a licence for (WAI-SR, ORS and SRS, for
-- example), kept as the YAML text the organisation gave, in the format of instruments/FORMAT.md.
-- The instruments that ship with Rapport are never stored here. An instrument is never changed
-- once added: administrations and scores name it by its key.

create table own_instrument (
    organisation_id uuid         not null references organisation (organisation_id),
    instrument_key  varchar(60)  not null,
    name            varchar(120) not null,
    definition      text         not null,
    created_at      timestamptz  not null,
    -- Empty when Rapport itself added the instrument (for example demo data), not a signed-in person.
    created_by      uuid,
    primary key (organisation_id, instrument_key)
);

alter table own_instrument enable row level security;
alter table own_instrument force row level security;
create policy organisation_isolation on own_instrument
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
