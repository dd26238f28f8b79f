-- When registration for each programme year's live courses opens.
create table programme_years (
  year integer primary key,
  registration_opens_at timestamptz not null,
  is_sample boolean not null default false
);

create table learners (
  id uuid primary key default gen_random_uuid(),
  id_number text not null unique,
  name text not null,
  mobile text not null,
  employer text not null,
  password_hash text not null,
  cycle_start_year integer not null default 2021,
  created_at timestamptz not null default now()
);

-- Institution staff (scoped to their institution), the registrar and analysts.
create table staff (
  username text primary key,
  role text not null check (role in ('INSTITUTION_STAFF', 'REGISTRAR', 'ANALYST')),
  institution text,
  display_name text not null,
  password_hash text not null,
  created_at timestamptz not null default now(),
  check ((role = 'INSTITUTION_STAFF') = (institution is not null))
);

-- What the learner agreed to (fee, hours, course) is copied from the owning institution at write time.
create table registrations (
  id uuid primary key default gen_random_uuid(),
  learner_id uuid not null references learners (id),
  session_id text not null,
  course_id text not null,
  institution text not null,
  year integer not null,
  course_title text not null,
  category text not null check (category in ('REQUIRED', 'ELECTIVE')),
  minutes integer not null check (minutes > 0),
  fee_fen integer not null check (fee_fen >= 0),
  status text not null check (status in ('AWAITING_PAYMENT', 'PAID', 'WITHDRAWN', 'COMPLETED', 'FAILED', 'EXPIRED')),
  registered_at timestamptz not null,
  hold_expires_at timestamptz,
  ended_at timestamptz
);
create index registrations_learner_idx on registrations (learner_id, registered_at desc);
create index registrations_session_idx on registrations (session_id, status);
-- One active registration per learner per course; a course id names its year.
create unique index registrations_one_active_per_course on registrations (learner_id, course_id)
  where status in ('AWAITING_PAYMENT', 'PAID', 'COMPLETED');

-- The credit ledger (学时记录): append-only; a correction is a reversing entry.
create table credit_entries (
  id uuid primary key default gen_random_uuid(),
  learner_id uuid not null references learners (id),
  registration_id uuid references registrations (id),
  course_title text not null,
  institution text not null,
  category text not null check (category in ('REQUIRED', 'ELECTIVE')),
  year integer not null,
  minutes integer not null check (minutes <> 0),
  completed_on date not null,
  visible_from date not null,
  reverses uuid unique references credit_entries (id),
  reason text,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  check ((reverses is null and minutes > 0) or (reverses is not null and minutes < 0 and reason is not null))
);
create index credit_entries_learner_idx on credit_entries (learner_id, completed_on);
create unique index credit_entries_one_per_registration on credit_entries (registration_id)
  where reverses is null and registration_id is not null;

create function credit_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'credit_entries is append-only: record a reversing entry instead';
end;
$$;
create trigger credit_entries_append_only before update or delete on credit_entries
  for each row execute function credit_entries_append_only();
