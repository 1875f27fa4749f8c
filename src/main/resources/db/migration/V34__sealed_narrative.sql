-- The rest of the client's story is sealed like notes: each table's texts go into one bytea
-- column, "narrative", a Tink AEAD ciphertext of a JSON object keyed by the names of the clear
-- columns that held them, bound to the organisation, the record and the table's field name. The
-- clear columns stay for rows an earlier version wrote: Rapport seals those soon after start and
-- empties the clear columns; every write from now on is sealed.

alter table ending add column narrative bytea;

alter table alert add column narrative bytea;
alter table alert drop constraint alert_acknowledged_whole;
alter table alert add constraint alert_acknowledged_whole check (
    (acknowledged_at is null and acknowledged_by_name is null and what_was_done is null and narrative is null)
    or (acknowledged_at is not null and acknowledged_by_name is not null
        and (what_was_done is not null or narrative is not null)));

-- The relationship and its history: one sealed document on the relationship's row.
alter table relationship add column narrative bytea;
alter table relationship alter column referral_reason drop not null;
alter table status_change alter column reason drop not null;
alter table phase_move alter column reason drop not null;
alter table agreement_revision alter column purpose_in_clients_words drop not null;
alter table agreement_revision alter column roles_and_responsibilities drop not null;
alter table agreement_revision alter column confidentiality drop not null;
alter table agreement_revision alter column ending_plan drop not null;
alter table handover alter column note drop not null;

-- Goals and concerns: one sealed document on each goal's and each concern's row.
alter table goal add column narrative bytea;
alter table goal alter column statement drop not null;
alter table goal alter column level_minus_two drop not null;
alter table goal alter column level_minus_one drop not null;
alter table goal alter column level_zero drop not null;
alter table goal alter column level_plus_one drop not null;
alter table goal alter column level_plus_two drop not null;
alter table action_step alter column description drop not null;
alter table concern add column narrative bytea;
alter table concern alter column description drop not null;
