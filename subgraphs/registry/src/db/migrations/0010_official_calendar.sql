-- The official calendar is data (issue 9 section 2): the registrar loads a year's notice when it is
-- published; a credit entry whose visible day needs a year not yet held is recorded at once, pending
-- that year, and dated when the year is loaded. Years are never edited: a correction is a new version.
create table official_calendar_years (
  year integer not null check (year between 2000 and 2100),
  version integer not null check (version >= 1),
  title text not null,
  url text not null,
  days_off jsonb not null,
  working_weekend_days jsonb not null,
  reason text,
  loaded_by text not null,
  loaded_at timestamptz not null,
  primary key (year, version)
);

create function official_calendar_years_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'official_calendar_years is append-only: load a new version instead';
end;
$$;
create trigger official_calendar_years_append_only before update or delete on official_calendar_years
  for each row execute function official_calendar_years_append_only();

alter table credit_entries alter column visible_from drop not null;
alter table credit_entries add column pending_calendar_year integer;
alter table credit_entries add constraint credit_entries_dated_or_pending
  check ((visible_from is null) <> (pending_calendar_year is null));
create index credit_entries_pending_calendar_year on credit_entries (pending_calendar_year)
  where pending_calendar_year is not null;

-- Still append-only, except the day it becomes visible: filled in when its calendar year is loaded, or
-- moved by a corrected year before anyone could see it (the registry decides which; this only guards
-- that nothing else in an entry ever changes).
create or replace function credit_entries_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
    and (to_jsonb(new) - 'visible_from' - 'pending_calendar_year')
      = (to_jsonb(old) - 'visible_from' - 'pending_calendar_year') then
    return new;
  end if;
  raise exception 'credit_entries is append-only: record a reversing entry instead';
end;
$$;
