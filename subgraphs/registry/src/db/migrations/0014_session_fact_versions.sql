-- How many times each session's institution has said its facts changed (ADR 0055). A registration
-- reads the count with its seat checks and compares it with the count its held facts were read under:
-- any difference, and the facts are asked of the institution again before the seat is taken.
create table if not exists session_fact_versions (
  session_id text primary key,
  version integer not null,
  changed_at timestamptz not null
);
