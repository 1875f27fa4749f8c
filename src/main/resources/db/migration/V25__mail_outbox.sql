-- Mail that Rapport sends (decision 21). A message is written here in the same transaction as
-- what causes it, and sent later by the mail worker, which retries with a growing wait and marks
-- each message sent once it is. The bodies are rendered when the message is queued and erased once
-- it is sent or given up on; what stays is what an admin needs to see what became of it.
create table mail_message (
    organisation_id uuid         not null references organisation (organisation_id),
    mail_id         uuid         not null,
    message_id      varchar(200) not null,
    template        varchar(60)  not null,
    sender_name     varchar(200) not null,
    recipient       varchar(254) not null,
    subject         varchar(200) not null,
    text_body       text,
    html_body       text,
    status          varchar(10)  not null check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts        integer      not null,
    queued_at       timestamptz  not null,
    last_attempt_at timestamptz,
    next_attempt_at timestamptz,
    sent_at         timestamptz,
    problem         varchar(300),
    version         integer      not null,
    primary key (organisation_id, mail_id)
);
create index mail_message_by_time on mail_message (organisation_id, queued_at desc);

alter table mail_message enable row level security;
alter table mail_message force row level security;
create policy organisation_isolation on mail_message
    using (organisation_id = rapport_current_organisation())
    with check (organisation_id = rapport_current_organisation());

-- The worker runs before any organisation is in scope, so it finds the messages waiting to be sent
-- here: only their ids, organisations and when each is next due, outside the policies (like
-- follow_up_calendar). A message leaves this table once it is sent or given up on.
create table mail_due (
    mail_id         uuid        not null,
    organisation_id uuid        not null,
    due_at          timestamptz not null,
    primary key (organisation_id, mail_id)
);
create index mail_due_by_time on mail_due (due_at);
