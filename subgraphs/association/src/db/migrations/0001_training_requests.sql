-- Employer-run face-to-face training (单位自行组织面授培训): the employer's 需求表 and what the association
-- decided about it (issue 9 item 1).
create table training_requests (
  id uuid primary key default gen_random_uuid(),
  employer_credit_code text not null,
  employer_name text not null,
  course_id text not null,
  course_title text not null,
  course_minutes integer not null check (course_minutes > 0),
  course_days integer not null check (course_days > 0),
  first_day date not null,
  headcount integer not null check (headcount > 0),
  venue text not null,
  contact_name text not null,
  contact_mobile text not null,
  status text not null check (status in ('SUBMITTED', 'SCHEDULED', 'DECLINED', 'WITHDRAWN')),
  filed_at timestamptz not null,
  teacher_name text,
  session_id text,
  decline_reason text,
  decided_at timestamptz,
  decided_by text,
  check ((status = 'SCHEDULED') = (teacher_name is not null and session_id is not null)),
  check ((status = 'DECLINED') = (decline_reason is not null)),
  check ((status = 'SUBMITTED') = (decided_at is null))
);
create index training_requests_employer_idx on training_requests (employer_credit_code, filed_at desc);
create index training_requests_status_idx on training_requests (status, filed_at);

-- The stamped scan (加盖公章) of a request's form, as the employer uploaded it; the latest upload counts.
create table training_request_scans (
  request_id uuid primary key references training_requests (id),
  content bytea not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size integer not null check (size > 0 and size <= 5242880),
  uploaded_at timestamptz not null
);
