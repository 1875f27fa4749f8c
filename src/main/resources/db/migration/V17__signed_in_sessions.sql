-- Signed-in sessions, kept in the database rather than in one server's memory: a server that stops
-- signs nobody out, several servers share them, and each person can see and end their own. The
-- shape is the one the session store reads and writes (Spring Session JDBC). A session belongs to
-- no organisation until someone signs in, and a connection must find it by its cookie before any
-- organisation is in scope, so these tables sit outside the row-level security policies; they hold
-- the signed-in account (its name, roles and organisation), the sign-in page's typed name, and
-- tokens, never anything about a client.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(120),
    primary key (primary_id)
);
create unique index spring_session_by_session_id on spring_session (session_id);
create index spring_session_by_expiry on spring_session (expiry_time);
create index spring_session_by_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
