-- Goals: concerns identified with the client, goals set against them with their five goal
-- attainment levels, ratings, status changes and action steps. Child rows take organisation_id
-- from the connection's organisation scope; row-level security checks every row.

create table concern (
    organisation_id    uuid          not null,
    concern_id         uuid          not null,
    relationship_id    uuid          not null,
    description        varchar(2000) not null,
    identified_on      date          not null,
    identified_by      uuid          not null,
    identified_by_name varchar(120)  not null,
    recorded_at        timestamptz   not null,
    version            integer       not null,
    primary key (organisation_id, concern_id)
);
create index concern_by_relationship on concern (organisation_id, relationship_id);

create table goal (
    organisation_id  uuid          not null,
    goal_id          uuid          not null,
    relationship_id  uuid          not null,
    concern_id       uuid,
    statement        varchar(1000) not null,
    set_on           date          not null,
    set_by           uuid          not null,
    set_by_name      varchar(120)  not null,
    set_at           timestamptz   not null,
    status           varchar(20)   not null,
    level_minus_two  varchar(500)  not null,
    level_minus_one  varchar(500)  not null,
    level_zero       varchar(500)  not null,
    level_plus_one   varchar(500)  not null,
    level_plus_two   varchar(500)  not null,
    baseline_level   integer       not null,
    importance       integer,
    difficulty       integer,
    version          integer       not null,
    primary key (organisation_id, goal_id),
    foreign key (organisation_id, concern_id) references concern (organisation_id, concern_id),
    constraint goal_status_known check (status in ('PROPOSED','ACTIVE','ON_HOLD','ACHIEVED','NOT_ACHIEVED','CANCELLED')),
    constraint goal_baseline_is_a_level check (baseline_level between -2 and 2),
    constraint goal_importance_0_to_3 check (importance between 0 and 3),
    constraint goal_difficulty_0_to_3 check (difficulty between 0 and 3)
);
create index goal_by_relationship on goal (organisation_id, relationship_id);
create index goal_by_concern on goal (organisation_id, concern_id) where concern_id is not null;

create table goal_rating (
    organisation_id uuid         not null default rapport_current_organisation(),
    goal_id         uuid         not null,
    position        integer      not null,
    level           integer      not null,
    rated_on        date         not null,
    session_id      uuid,
    rated_by        uuid         not null,
    rated_by_name   varchar(120) not null,
    recorded_at     timestamptz  not null,
    primary key (organisation_id, goal_id, position),
    foreign key (organisation_id, goal_id) references goal (organisation_id, goal_id),
    constraint goal_rating_is_a_level check (level between -2 and 2)
);
-- One rating per goal per session.
create unique index goal_rating_once_per_session on goal_rating (organisation_id, goal_id, session_id)
    where session_id is not null;
create index goal_rating_by_session on goal_rating (organisation_id, session_id) where session_id is not null;

create table goal_status_change (
    organisation_id uuid         not null default rapport_current_organisation(),
    goal_id         uuid         not null,
    position        integer      not null,
    from_status     varchar(20)  not null,
    to_status       varchar(20)  not null,
    reason          varchar(500),
    changed_by      uuid         not null,
    changed_by_name varchar(120) not null,
    changed_at      timestamptz  not null,
    primary key (organisation_id, goal_id, position),
    foreign key (organisation_id, goal_id) references goal (organisation_id, goal_id)
);

create table action_step (
    organisation_id uuid         not null default rapport_current_organisation(),
    goal_id         uuid         not null,
    position        integer      not null,
    step_id         uuid         not null,
    description     varchar(500) not null,
    who_does_it     varchar(10)  not null,
    due_by          date         not null,
    done_on         date,
    added_by_name   varchar(120) not null,
    added_at        timestamptz  not null,
    primary key (organisation_id, goal_id, position),
    foreign key (organisation_id, goal_id) references goal (organisation_id, goal_id),
    constraint action_step_who_known check (who_does_it in ('CLIENT','HELPER'))
);

do $$
declare t text;
begin
    foreach t in array array['concern', 'goal', 'goal_rating', 'goal_status_change', 'action_step']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy organisation_isolation on %I using (organisation_id = rapport_current_organisation()) '
                       'with check (organisation_id = rapport_current_organisation())', t);
    end loop;
end $$;
