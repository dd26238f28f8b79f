-- The registry's own rounds (the expiry sweep, payment and refund reconciliation, the busiest-sessions
-- measurement) each read what is still pending or still to come, a sliver of their tables: without these
-- indexes each round scanned the whole table (on the scale data 40–420 ms of a database core every 15 or
-- 60 s), and the requests that arrived meanwhile waited behind it (ADR 0048).
create index if not exists registrations_session_starts_idx on registrations (session_starts_at);
create index if not exists registrations_courseware_access_idx on registrations (access_expires_at) where status = 'PAID';
create index if not exists payments_pending_idx on payments (created_at) where status = 'PENDING';
create index if not exists refunds_unsettled_idx on refunds (created_at) where status in ('PENDING', 'FAILED');
