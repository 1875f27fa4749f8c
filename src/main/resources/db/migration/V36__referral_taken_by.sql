-- Who took a referral, as they were named then (the person who entered it, or the client through
-- their reconnect link), for the relationship's timeline. Empty for referrals taken before.
alter table relationship add column taken_by_name varchar(200);
