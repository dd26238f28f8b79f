import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, STAFF_ROLES, UserError, inSpan } from '@xueshi/subgraph-kit';
import type { Logger, Role, Tracing } from '@xueshi/subgraph-kit';
import { parse, print } from 'graphql';
import type { GatewayContext } from '../create';
import { isTrusted } from '../trustedDocuments';
import type { TrustedDocuments } from '../trustedDocuments';
import type { PlanCache } from './planCache';
import { PlanningRefusal } from './planner';
import type { PlanningWorker } from './planner';

/** Who may send operations the frontends do not ship: everyone (development) or signed-in staff only. */
export type AdHocOperations = 'anyone' | 'staff';

/** The roles whose work is asking their own questions of the graph. */
export const AD_HOC_ROLES: ReadonlySet<Role> = new Set(STAFF_ROLES);

/** Operations refused as too costly to plan, remembered so a retry costs nothing. */
const REMEMBERED_REFUSALS = 1_000;
/**
 * For a minute: the budget is wall-clock time, so a busy moment can refuse an operation that plans in
 * time once it passes.
 */
const REFUSAL_MEMORY_MS = 60_000;

export interface OperationAdmission {
  adHoc: AdHocOperations;
  trusted: TrustedDocuments;
  plans: PlanCache;
  planner: PlanningWorker;
  logger: Logger;
  /** Each operation's planning (or finding its plan) in a span of its own. */
  tracing?: Tracing | undefined;
}

/** The key @apollo/gateway stores an operation's plan under (its executor computes the same). */
export function planKey(queryHash: string, operationName: string | null | undefined): string {
  return operationName ? createHash('sha256').update(queryHash).update(operationName).digest('hex') : queryHash;
}

const notTrusted = () =>
  new UserError(
    ErrorCode.OPERATION_NOT_TRUSTED,
    {
      zh: '此操作不是前端发布的操作；自行编写的查询需以工作人员或分析员身份登录',
      en: 'This operation is not one the frontends ship; ad hoc queries need a staff or analyst sign-in',
    },
    { http: { status: 403 } },
  );

const tooComplex = (budgetMs: number) =>
  new UserError(
    ErrorCode.QUERY_TOO_COMPLEX,
    {
      zh: `此查询无法在 ${budgetMs} 毫秒内完成规划，请减少别名或拆分查询`,
      en: `This query cannot be planned within ${budgetMs} ms; use fewer aliases or split it`,
    },
    { budgetMs, http: { status: 400 } },
  );

const plannerBusy = () =>
  new UserError(
    ErrorCode.UNAVAILABLE,
    { zh: '查询规划繁忙，请稍后再试', en: 'Query planning is busy; please try again shortly' },
    { http: { status: 503, headers: new Map([['retry-after', '1']]) } },
  );

/**
 * Admits an operation before it runs: in production only trusted documents for anonymous callers and
 * learners; then makes sure its plan is cached, planning it in the worker (within the budget) when it
 * is not, so @apollo/gateway's executor finds the plan and never plans on the event loop.
 */
export function operationAdmissionPlugin(admission: OperationAdmission, budgetMs: number): ApolloServerPlugin<GatewayContext> {
  /** When each refused operation was refused, and against which supergraph. */
  const refused = new Map<string, { generation: number; at: number }>();
  /** The hashes Apollo Server gives the trusted documents' texts as the manifest writes them. */
  const exactTexts = new Set([...admission.trusted.values()].map((text) => createHash('sha256').update(text).digest('hex')));
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document, operation, queryHash, contextValue }) => {
        // An unknown operation name is refused by its own plugin.
        if (!operation) return;
        const role = contextValue.caller?.role;
        // Asked only when it matters, and by the exact text's hash first: printing the document is the
        // fallback for a trusted document laid out differently.
        let trustedAnswer: boolean | undefined;
        const trusted = () => (trustedAnswer ??= exactTexts.has(queryHash) || isTrusted(admission.trusted, document));
        if (admission.adHoc === 'staff' && !(role && AD_HOC_ROLES.has(role)) && !trusted()) throw notTrusted();
        await inSpan(admission.tracing, 'plan', {}, async (span) => {
          const key = planKey(queryHash, request.operationName);
          const cached = Boolean(await admission.plans.get(key));
          span?.setAttribute('xueshi.plan.cached', cached);
          if (cached) return;
          const refusal = refused.get(key);
          if (refusal?.generation === admission.plans.generation && performance.now() - refusal.at < REFUSAL_MEMORY_MS) {
            throw tooComplex(budgetMs);
          }
          const text = request.query ?? print(document);
          // A plan made against the previous supergraph would be wrong for this one: plan again.
          for (;;) {
            const generation = admission.plans.generation;
            try {
              const plan = await admission.planner.plan(text, request.operationName ?? null, trusted());
              if (generation !== admission.plans.generation) continue;
              await admission.plans.set(key, plan);
              return;
            } catch (error) {
              if (!(error instanceof PlanningRefusal)) throw error;
              if (error.reason === 'busy') throw plannerBusy();
              if (error.reason === 'invalid') {
                admission.logger.error({ err: error, operationName: request.operationName }, 'an operation could not be planned');
                throw error;
              }
              refused.delete(key);
              refused.set(key, { generation: admission.plans.generation, at: performance.now() });
              if (refused.size > REMEMBERED_REFUSALS) refused.delete(refused.keys().next().value ?? key);
              admission.logger.warn({ operationName: request.operationName, budgetMs }, 'operation refused: too costly to plan');
              throw tooComplex(budgetMs);
            }
          }
        });
      },
    }),
  };
}

/**
 * Plans every trusted document and pins its plan, under the key a client sending its text exactly (or
 * its documentId) is looked up by, with and without its operation name.
 */
export async function planTrustedDocuments(admission: OperationAdmission): Promise<void> {
  const generation = admission.plans.generation;
  for (const text of admission.trusted.values()) {
    const document = parse(text);
    const operationName = document.definitions.find((definition) => definition.kind === 'OperationDefinition')?.name?.value;
    try {
      const plan = await admission.planner.plan(text, operationName ?? null, true);
      if (generation !== admission.plans.generation) return;
      const queryHash = createHash('sha256').update(text).digest('hex');
      admission.plans.pin(planKey(queryHash, operationName), plan);
      admission.plans.pin(queryHash, plan);
    } catch (error) {
      admission.logger.error({ err: error, operationName }, 'a trusted document could not be planned');
    }
  }
}
