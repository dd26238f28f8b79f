-- A scheduler's claim on a request while the course's institution opens its session (ADR 0037): the
-- request is not held locked while another service answers, and nobody else decides it meanwhile.
alter table training_requests add column scheduling_since timestamptz;
