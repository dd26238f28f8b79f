-- programmeStatistics' revenue sums the year's succeeded payments: read from this index alone, not the
-- whole payments table (on the scale data 0.72 s → 0.46 s; ADR 0026, docs/performance.md).
create index payments_succeeded_idx on payments (registration_id) include (amount_fen) where status = 'SUCCEEDED';
