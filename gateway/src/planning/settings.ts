import type { QueryPlannerConfig } from '@apollo/query-planner';
import type { PlannerSettings } from './protocol';

export const DEFAULT_PLANNER_SETTINGS: PlannerSettings = { maxEvaluatedPlans: 1_000 };

/** The query planner's configuration for these settings, the same in the gateway and its worker. */
export function queryPlannerConfig(settings: PlannerSettings): QueryPlannerConfig {
  return { debug: { maxEvaluatedPlans: settings.maxEvaluatedPlans } };
}
