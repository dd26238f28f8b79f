-- An ID number someone else claimed goes back to its owner: the claiming account is locked and keeps
-- the number for the record, so only accounts still open need distinct ID numbers.
alter table learners add column locked_at timestamptz;
alter table learners drop constraint learners_id_number_key;
create unique index learners_id_number_open_idx on learners (id_number) where locked_at is null;

-- Who restored which ID number, when, why, and how they checked the owner's identity.
create table id_number_restorations (
  id uuid primary key default gen_random_uuid(),
  id_number text not null,
  locked_learner_id uuid not null references learners (id),
  registrar text not null,
  identity_check text not null,
  reason text not null,
  restored_at timestamptz not null
);
