-- Lapsing and agreement review overdue become alerts, raised by the daily sweep. The sweep keeps
-- at most one open alert per relationship of each of these kinds; this index holds it to that.
alter table alert drop constraint alert_kind_known;
alter table alert add constraint alert_kind_known
    check (kind in ('RISK','NOT_ON_TRACK','ALLIANCE_SLIPPING','LAPSING','REVIEW_OVERDUE'));

create unique index alert_swept_open_once on alert (organisation_id, relationship_id, kind)
    where acknowledged_at is null and kind in ('LAPSING','REVIEW_OVERDUE');
