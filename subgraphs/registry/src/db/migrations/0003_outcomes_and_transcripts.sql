-- What the institution that ran the session reported, once per registration.
create table outcomes (
  registration_id uuid primary key references registrations (id),
  attended_fully boolean not null,
  exam_passed boolean not null,
  reported_by text not null,
  reported_at timestamptz not null
);

-- An issued 学时记录: what it showed, so its verification code keeps confirming exactly that.
create table transcripts (
  id uuid primary key default gen_random_uuid(),
  verification_code text not null unique,
  learner_id uuid not null references learners (id),
  cycle_start_year integer not null,
  issued_at timestamptz not null,
  content jsonb not null
);
create index transcripts_learner_idx on transcripts (learner_id, issued_at desc);
