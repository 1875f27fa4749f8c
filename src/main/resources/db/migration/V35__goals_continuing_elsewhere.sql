-- A goal may end "continuing elsewhere": the client carries it on beyond this work, alone or with
-- another service. It is how a goal is settled at a planned ending, beside achieved, not achieved
-- and cancelled.
alter table goal drop constraint goal_status_known;
alter table goal add constraint goal_status_known
    check (status in ('PROPOSED','ACTIVE','ON_HOLD','ACHIEVED','NOT_ACHIEVED','CONTINUING_ELSEWHERE','CANCELLED'));
