-- Every change of a session's dates, kept for the institution's staff and the registrar (issue 14 item 6).
create table session_date_changes (
  id bigint generated always as identity primary key,
  session_id text not null references sessions (id),
  changed_at timestamptz not null,
  changed_by text not null,
  changed_by_role text not null check (changed_by_role in ('INSTITUTION_STAFF', 'REGISTRAR')),
  starts_at_before timestamptz not null,
  starts_at_after timestamptz not null,
  ends_at_before timestamptz not null,
  ends_at_after timestamptz not null,
  registration_opens_at_before timestamptz not null,
  registration_opens_at_after timestamptz not null,
  reason text
);
create index session_date_changes_session_idx on session_date_changes (session_id, id);

create function session_date_changes_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'session_date_changes is append-only';
end;
$$;
create trigger session_date_changes_append_only before update or delete on session_date_changes
  for each row execute function session_date_changes_append_only();
