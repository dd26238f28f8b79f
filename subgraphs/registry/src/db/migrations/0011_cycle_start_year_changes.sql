-- The registrar sets a learner's cycle start year, with a reason (issue 9 section 4); each change is kept.
create table cycle_start_year_changes (
  id uuid primary key default gen_random_uuid(),
  learner_id uuid not null references learners (id),
  from_year integer not null,
  to_year integer not null check (to_year between 2000 and 2100),
  reason text not null,
  changed_by text not null,
  changed_at timestamptz not null
);
create index cycle_start_year_changes_learner on cycle_start_year_changes (learner_id, changed_at);

create function cycle_start_year_changes_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'cycle_start_year_changes is append-only';
end;
$$;
create trigger cycle_start_year_changes_append_only before update or delete on cycle_start_year_changes
  for each row execute function cycle_start_year_changes_append_only();
