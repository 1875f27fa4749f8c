-- Runs after every migration, as the owner role: the role the application connects as gets row
-- access to every table and nothing more. It owns nothing, so it cannot alter a table, drop a
-- policy or switch row-level security off. When one role does both (an external server set up with
-- a single role), there is nothing to grant.
do $$
begin
    if '${runtime_role}' <> '' and '${runtime_role}' <> current_user then
        execute format('grant usage on schema %I to %I', current_schema(), '${runtime_role}');
        execute format('grant select, insert, update, delete on all tables in schema %I to %I',
                       current_schema(), '${runtime_role}');
        execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), '${runtime_role}');
        execute format('revoke all on %I.flyway_schema_history from %I', current_schema(), '${runtime_role}');
    end if;
end
$$;
