-- Endings: the four parts of a planned ending (the gains made, why the work ends, confidence moving
-- forward, the open door), each saved and marked done on its own, and how the work was closed:
-- planned or not, on which day, for which reason. One row per relationship that reached its ending
-- or was closed unplanned. Reasons are codes; drop-out has its own code so reports can count it.

create table ending (
    organisation_id       uuid          not null,
    relationship_id       uuid          not null,
    client_party_id       uuid          not null,
    gains_summary         varchar(4000),
    client_words_helped   varchar(2000),
    gains_done            boolean       not null default false,
    reason                varchar(40),
    explanation           varchar(2000),
    why_done              boolean       not null default false,
    warning_signs         varchar(2000),
    what_helps            varchar(2000),
    people_to_contact     varchar(2000),
    crisis_plan           varchar(2000),
    confidence_done       boolean       not null default false,
    follow_up_dates       date[]        not null default '{}',
    follow_up_instrument  varchar(80),
    no_follow_up_reason   varchar(500),
    door_saved            boolean       not null default false,
    door_done             boolean       not null default false,
    closed_kind           varchar(10),
    ended_on              date,
    closing_reason        varchar(40),
    closing_explanation   varchar(2000),
    last_session_on       date,
    reconnect_path        varchar(300),
    closed_at             timestamptz,
    closed_by_name        varchar(120),
    version               integer       not null,
    primary key (organisation_id, relationship_id),
    constraint ending_reason_known check (reason is null or reason in
        ('goals-met','agreed-sessions-reached','clients-choice','referral-onward','helper-leaving','service-limit','other')),
    constraint ending_closed_kind_known check (closed_kind is null or closed_kind in ('PLANNED','UNPLANNED')),
    constraint ending_closing_reason_known check (closing_reason is null or closing_reason in
        ('goals-met','agreed-sessions-reached','clients-choice','referral-onward','helper-leaving','service-limit','other',
         'dropped-out','moved-away','declined-further-help')),
    constraint ending_closed_whole check (
        (closed_kind is null and ended_on is null and closing_reason is null and closed_at is null)
        or (closed_kind is not null and ended_on is not null and closing_reason is not null and closed_at is not null))
);
-- Counting endings by day, kind and reason for a period.
create index ending_closed_on on ending (organisation_id, ended_on) where ended_on is not null;

alter table ending enable row level security;
alter table ending force row level security;
create policy organisation_isolation on ending using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());
