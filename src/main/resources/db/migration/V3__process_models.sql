-- An organisation's own process models, kept as the YAML text the organisation gave so that
-- what Rapport shows is exactly what was written. The five built-in models ship with Rapport
-- and are never stored here. A model is never changed once added: relationships follow it.

create table process_model (
    organisation_id uuid         not null references organisation (organisation_id),
    model_key       varchar(60)  not null,
    name            varchar(120) not null,
    definition      text         not null,
    created_at      timestamptz  not null,
    -- Empty when Rapport itself added the model (for example demo data), not a signed-in person.
    created_by      uuid,
    primary key (organisation_id, model_key)
);

alter table process_model enable row level security;
alter table process_model force row level security;
create policy organisation_isolation on process_model
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
