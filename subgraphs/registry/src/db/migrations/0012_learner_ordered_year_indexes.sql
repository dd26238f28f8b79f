-- The analysts' aggregates of a programme year group its registrations and credit entries by learner,
-- then institution (ADR 0043): with both indexes in that order the database merges the two instead of
-- sorting the year (on the scale data 260,000 rows, spilled to disk). Same columns as the indexes they
-- replace, so every index-only scan of a year stays one; a cycle's sums per learner read the same keys.
create index registrations_year_learner_idx on registrations (year, learner_id, institution) include (id, status, paid_at);
drop index registrations_year_idx;
create index credit_entries_year_learner_idx on credit_entries (year, learner_id, institution) include (category, minutes);
drop index credit_entries_year_idx;
