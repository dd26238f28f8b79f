-- What the registration snapshots of its session, so refunds, expiry and records never need the
-- institution to be up.
alter table registrations
  add column delivery_mode text not null default 'LIVE_ONLINE'
    check (delivery_mode in ('LIVE_ONLINE', 'FACE_TO_FACE', 'ONLINE_COURSEWARE')),
  add column session_starts_at timestamptz,
  add column session_ends_at timestamptz,
  add column first_day date,
  add column last_day date,
  add column paid_at timestamptz,
  add column access_expires_at timestamptz,
  add column refund_fen integer check (refund_fen is null or refund_fen >= 0);
create index registrations_hold_idx on registrations (hold_expires_at) where status = 'AWAITING_PAYMENT';

create table payments (
  id uuid primary key default gen_random_uuid(),
  registration_id uuid not null references registrations (id),
  learner_id uuid not null references learners (id),
  idempotency_key text not null,
  amount_fen integer not null check (amount_fen >= 0),
  status text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
  provider text not null,
  provider_reference text,
  failure_reason text,
  created_at timestamptz not null,
  completed_at timestamptz,
  unique (learner_id, idempotency_key)
);
-- Never two live charges for one registration, whatever the keys.
create unique index payments_one_live_per_registration on payments (registration_id)
  where status in ('PENDING', 'SUCCEEDED');

create table refunds (
  id uuid primary key default gen_random_uuid(),
  payment_id uuid not null unique references payments (id),
  amount_fen integer not null check (amount_fen > 0),
  status text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
  provider_reference text,
  created_at timestamptz not null,
  completed_at timestamptz
);

create table invoice_counters (
  institution text not null,
  year integer not null,
  last_number integer not null,
  primary key (institution, year)
);

-- 电子普通发票, issued in the name of the institution that runs the course; one per payment.
create table invoices (
  id uuid primary key default gen_random_uuid(),
  payment_id uuid not null unique references payments (id),
  learner_id uuid not null references learners (id),
  number text not null unique,
  institution text not null,
  kind text not null check (kind in ('PERSONAL', 'ORGANISATION')),
  title text not null,
  credit_code text,
  amount_fen integer not null check (amount_fen >= 0),
  item text not null,
  issued_at timestamptz not null,
  check ((kind = 'ORGANISATION') = (credit_code is not null))
);
