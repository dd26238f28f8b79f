-- The institution's own page: one row.
create table profile (
  code text primary key,
  address text,
  hotline text
);

create table contacts (
  position integer primary key,
  name text not null,
  phones text[] not null
);

create table courses (
  id text primary key,
  year integer not null,
  position integer not null,
  title text not null,
  category text not null check (category in ('REQUIRED', 'ELECTIVE')),
  days integer check (days is null or days > 0),
  minutes integer not null check (minutes > 0),
  fee_fen integer not null check (fee_fen >= 0),
  description text,
  is_sample boolean not null default false
);
create index courses_year_idx on courses (year, position);

create table sessions (
  id text primary key,
  course_id text not null references courses (id),
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  first_day date not null,
  last_day date not null,
  delivery_mode text not null check (delivery_mode in ('LIVE_ONLINE', 'FACE_TO_FACE', 'ONLINE_COURSEWARE')),
  venue text,
  capacity integer check (capacity is null or capacity > 0),
  registration_opens_at timestamptz not null,
  registration_closes_at timestamptz not null,
  restricted_to_employer text,
  is_sample boolean not null default false,
  check (ends_at > starts_at),
  check (last_day >= first_day),
  check (registration_closes_at > registration_opens_at)
);
create index sessions_course_idx on sessions (course_id, starts_at);
