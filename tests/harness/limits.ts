/**
 * Planning limits for suites that test something else: they run many at once on two cores, where
 * planning that takes 100 ms alone may take ten times that and wait behind others. The planning suite
 * tests the budget and the queue themselves.
 */
export const SUITE_PLANNING_LIMITS = { budgetMs: 10_000, maxWaitMs: 60_000, maxWaiting: 1_000 };
