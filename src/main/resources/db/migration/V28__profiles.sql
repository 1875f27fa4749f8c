-- What a helper says about themselves on their profile: the pronouns they use, and the professional
-- body they are registered with and their number there (such as the HCPC, the BACP or the NMC).
alter table helper add column pronouns            varchar(40);
alter table helper add column registration_body   varchar(120);
alter table helper add column registration_number varchar(60);
