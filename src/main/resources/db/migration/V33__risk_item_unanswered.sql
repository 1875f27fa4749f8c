-- A score whose risk item was left unanswered says so (decision 24): the total may be prorated, but
-- it says nothing about that risk. Scores kept before were not told apart, and stay false.
alter table administration add column risk_item_unanswered boolean not null default false;
