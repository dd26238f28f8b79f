-- When the learner proved they hold their mobile with a one-time code.
alter table learners add column mobile_verified_at timestamptz;

-- The one code a learner may currently enter: hashed, expiring, with the guesses it has left.
create table mobile_codes (
  learner_id uuid primary key references learners (id),
  code_hash text not null,
  expires_at timestamptz not null,
  attempts_left integer not null,
  sent_at timestamptz not null
);
