import type { QueryPlan, QueryPlanCache } from '@apollo/query-planner';

export const DEFAULT_PLAN_CACHE_SIZE = 2_000;

/**
 * The gateway's query plans: the trusted documents' plans pinned, any other operation's kept among the
 * most recently used. @apollo/gateway reads it before planning and clears it when the supergraph
 * changes; `generation` tells a plan made for the previous supergraph from one made for this.
 */
export class PlanCache implements QueryPlanCache {
  readonly #pinned = new Map<string, QueryPlan>();
  readonly #recent = new Map<string, QueryPlan>();
  readonly #size: number;
  #generation = 0;

  constructor(size: number = DEFAULT_PLAN_CACHE_SIZE) {
    this.#size = size;
  }

  get generation(): number {
    return this.#generation;
  }

  get(key: string): Promise<QueryPlan | undefined> {
    const pinned = this.#pinned.get(key);
    if (pinned) return Promise.resolve(pinned);
    const recent = this.#recent.get(key);
    if (recent) {
      this.#recent.delete(key);
      this.#recent.set(key, recent);
    }
    return Promise.resolve(recent);
  }

  set(key: string, plan: QueryPlan): Promise<void> {
    if (this.#pinned.has(key)) return Promise.resolve();
    this.#recent.delete(key);
    this.#recent.set(key, plan);
    if (this.#recent.size > this.#size) {
      const oldest = this.#recent.keys().next().value;
      if (oldest !== undefined) this.#recent.delete(oldest);
    }
    return Promise.resolve();
  }

  /** Keeps `plan` until the supergraph changes, whatever else is planned meanwhile. */
  pin(key: string, plan: QueryPlan): void {
    this.#recent.delete(key);
    this.#pinned.set(key, plan);
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.#pinned.delete(key) || this.#recent.delete(key));
  }

  clear(): void {
    this.#pinned.clear();
    this.#recent.clear();
    this.#generation++;
  }
}
