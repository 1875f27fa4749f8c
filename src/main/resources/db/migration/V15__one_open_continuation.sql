-- An ended relationship continues in at most one open relationship at a time. The rule in
-- RelationshipManagement checks it first; this index holds it when two requests (a follow-up "yes"
-- and a reconnect link, say) open a continuation at the same moment: the second insert fails and is
-- answered as "already continued".
create unique index relationship_one_open_continuation on relationship (organisation_id, continues_from)
    where continues_from is not null and status <> 'ENDED';
