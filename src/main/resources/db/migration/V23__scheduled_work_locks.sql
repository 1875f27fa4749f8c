-- Scheduled work (the daily alert sweep, the hourly follow-up release) runs once across all the
-- servers that share this database: a server takes a job's row before it starts the work and
-- lets it go when done, and another server that finds the row taken skips that run. The shape is
-- the one the lock library reads and writes (ShedLock's JDBC provider, timed by the database's
-- clock, in UTC, so servers whose clocks differ still agree). It names jobs and the server that
-- holds each, never an organisation or anything about a client, and a job runs before any
-- organisation is in scope, so the table sits outside the row-level security policies (a
-- reference table in a distributed schema).
create table scheduled_work_lock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    primary key (name)
);
