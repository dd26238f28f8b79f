import type { QueryPlan } from '@apollo/query-planner';

/** How the planner searches: the settings the gateway and its planning worker share. */
export interface PlannerSettings {
  /**
   * The most candidate plans the planner weighs for one operation. @apollo/query-planner's default
   * (10,000) lets a few aliases of an entity-interface path cost seconds; 1,000 plans our operations the
   * same way at a fraction of the cost (ADR 0014).
   */
  maxEvaluatedPlans: number;
}

/** What the gateway sends its planning worker. */
export type PlanningRequest =
  { kind: 'supergraph'; supergraphSdl: string } | { kind: 'plan'; id: number; document: string; operationName: string | null };

/** What the planning worker answers. */
export type PlanningAnswer =
  | { kind: 'ready' }
  | { kind: 'planned'; id: number; plan: QueryPlan }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'broken'; message: string };
