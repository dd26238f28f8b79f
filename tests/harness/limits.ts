/**
 * Planning limits for suites that test something else: they run many at once on two cores, where
 * planning that takes 100 ms alone may take ten times that and wait behind others. The planning suite
 * tests the budget and the queue themselves.
 */
export const SUITE_PLANNING_LIMITS = { budgetMs: 10_000, maxWaitMs: 60_000, maxWaiting: 1_000 };

/**
 * How long a suite's gateway waits for a subgraph: every service of a test graph shares one event loop
 * with the test and with other suites' load, where an answer that takes 50 ms alone can take seconds.
 * The fault suites set their own short timeouts.
 */
export const SUITE_SUBGRAPH_TIMEOUT_MS = 30_000;
