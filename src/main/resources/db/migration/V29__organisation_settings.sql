-- An organisation's own settings beyond what setup asked: the name its mail is sent under (its own
-- name when none is given), and what its clients are told to do if they need help now, shown on
-- every page a client answers on.
alter table organisation add column mail_sender_name   varchar(120);
alter table organisation add column crisis_information varchar(2000);
