-- First-run setup asks for the organisation's time zone, locale (which also says how dates are
-- written) and country. Organisations opened before keep sensible defaults; the country is optional.
alter table organisation add column time_zone varchar(60) not null default 'Europe/London';
alter table organisation add column locale varchar(35) not null default 'en-GB';
alter table organisation add column country varchar(2);
