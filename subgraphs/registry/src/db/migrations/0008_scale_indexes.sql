-- What EXPLAIN on the scale data (1,000,000 registrations, pnpm seed:scale) showed as sequential scans
-- (ADR 0026, docs/performance.md). A registration's payments of every status: the partial unique index
-- covers live ones only, so the payments loader and invoice lookups read the whole table.
create index payments_registration_idx on payments (registration_id) include (status, amount_fen);
-- The analysts' aggregates of one programme year or cycle, answered from the index alone.
create index registrations_year_idx on registrations (year, institution) include (id, status, paid_at, learner_id);
create index credit_entries_year_idx on credit_entries (year, learner_id, category) include (minutes, institution);
