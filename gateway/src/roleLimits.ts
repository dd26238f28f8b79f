import type { ApolloServerPlugin } from '@apollo/server';
import {
  ANALYST_QUERY_LIMITS,
  QUERY_LIMIT_CODE,
  queryLimitCheck,
  queryLimitError,
  widestQueryLimits,
} from '@xueshi/subgraph-kit';
import type { QueryLimitName, QueryLimits, Role } from '@xueshi/subgraph-kit';
import { GraphQLError, print } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { GatewayContext } from './create';

/** Who asks ad hoc aggregate questions, and so gets ANALYST_QUERY_LIMITS. */
const ANALYST_ROLES: ReadonlySet<Role> = new Set(['ANALYST', 'REGISTRAR']);

export interface RoleQueryLimits {
  /** What the server validates every operation against: the largest any caller may send. */
  widest: QueryLimits;
  /** Refuses an operation beyond the caller's own limits, with the same typed error (HTTP 400). */
  plugin: ApolloServerPlugin<GatewayContext>;
}

const LIMIT_FIELD: Record<QueryLimitName, keyof QueryLimits> = {
  depth: 'maxDepth',
  aliases: 'maxAliases',
  directives: 'maxDirectives',
  tokens: 'maxTokens',
  cost: 'maxCost',
};

/** Operations whose check is remembered per schema; past this the oldest is checked again when seen. */
const CHECKED_OPERATIONS = 1_000;

const isLimitName = (value: unknown): value is QueryLimitName => typeof value === 'string' && value in LIMIT_FIELD;

/**
 * Query limits by role: analysts and the registrar get the larger of `everyone` and
 * ANALYST_QUERY_LIMITS, everyone else `everyone`. The server's validation applies the widest (it does
 * not know the caller); this plugin then holds everyone else to theirs once the caller is known, and
 * makes a refusal by the widest name the caller's own limit.
 */
export function roleQueryLimits(everyone: QueryLimits): RoleQueryLimits {
  const widest = widestQueryLimits(everyone, ANALYST_QUERY_LIMITS);
  const check = queryLimitCheck(everyone);
  // The refusal depends only on the schema and the operation's text, so it is worked out once for each:
  // the contract's operations are then not parsed and validated again on every request.
  const checked = new WeakMap<GraphQLSchema, Map<string, GraphQLError | null>>();
  const refusalOf = (schema: GraphQLSchema, source: string, document: DocumentNode): GraphQLError | null => {
    let bySource = checked.get(schema);
    if (!bySource) checked.set(schema, (bySource = new Map()));
    const known = bySource.get(source);
    if (known !== undefined) return known;
    const refusal = check(schema, source, document);
    if (bySource.size >= CHECKED_OPERATIONS) bySource.delete(bySource.keys().next().value ?? '');
    bySource.set(source, refusal);
    return refusal;
  };
  return {
    widest,
    plugin: {
      requestDidStart: async () => ({
        didResolveOperation: async ({ contextValue, request, document, schema }) => {
          const role = contextValue.caller?.role;
          if (role && ANALYST_ROLES.has(role)) return;
          const refusal = refusalOf(schema, request.query ?? print(document), document);
          if (refusal) throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 400 } } });
        },
        willSendResponse: async ({ contextValue, response }) => {
          const role = contextValue.caller?.role;
          if ((role && ANALYST_ROLES.has(role)) || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((error) => {
            const limit = error.extensions?.['limit'];
            if (error.extensions?.['code'] !== QUERY_LIMIT_CODE || !isLimitName(limit)) return error;
            const own = queryLimitError(limit, everyone[LIMIT_FIELD[limit]]);
            return { message: own.message, extensions: own.extensions };
          });
        },
      }),
    },
  };
}
