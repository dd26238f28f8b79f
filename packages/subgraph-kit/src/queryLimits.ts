import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Bilingual } from '@xueshi/subgraph-kit';
import { GraphQLError, parse, validate } from 'graphql';
import type {
  DocumentNode,
  GraphQLFormattedError,
  GraphQLSchema,
  ParseOptions,
  ValidationContext,
  ValidationRule,
} from 'graphql';

/** What one GraphQL request may ask for; anything beyond is refused before a subgraph is asked. */
export interface QueryLimits {
  /** Nesting of fields, fragments flattened. */
  maxDepth: number;
  /** Aliased fields in one operation (`__typename` is free). */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in the document: parsing stops at the first one over. */
  maxTokens: number;
  /** graphql-armor's static cost: 1 a scalar, 2 an object, each level weighing 1.5 times the one above. */
  maxCost: number;
}

/**
 * Sized from every operation in tests/contract/operations.graphql and the heaviest realistic ones (an
 * analyst's statistics by institution with their courses and sessions, and five years side by side with
 * each institution's contacts; the whole catalogue with every session field; the registrar's full view
 * of a learner): together they reach depth 8, 7 aliases, no directives, 140 tokens and a cost of 724.
 * Each limit leaves room for new screens, while the schema's cycles (session → course → sessions …)
 * can be walked only a few times, and a thousand aliases or tokens cannot be sent at all.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 1000,
  maxCost: 1500,
};

/**
 * What analysts and the registrar may ask for at the gateway: their own aggregate questions group by
 * several dimensions and put a few answers side by side, so twice the aliases and tokens, two more
 * levels and three times the cost. Still refused beyond it, with the same error.
 */
export const ANALYST_QUERY_LIMITS: QueryLimits = {
  maxDepth: DEFAULT_QUERY_LIMITS.maxDepth + 2,
  maxAliases: DEFAULT_QUERY_LIMITS.maxAliases * 2,
  maxDirectives: DEFAULT_QUERY_LIMITS.maxDirectives,
  maxTokens: DEFAULT_QUERY_LIMITS.maxTokens * 2,
  maxCost: DEFAULT_QUERY_LIMITS.maxCost * 3,
};

/** The larger of two sets of limits, limit by limit. */
export const widestQueryLimits = (a: QueryLimits, b: QueryLimits): QueryLimits => ({
  maxDepth: Math.max(a.maxDepth, b.maxDepth),
  maxAliases: Math.max(a.maxAliases, b.maxAliases),
  maxDirectives: Math.max(a.maxDirectives, b.maxDirectives),
  maxTokens: Math.max(a.maxTokens, b.maxTokens),
  maxCost: Math.max(a.maxCost, b.maxCost),
});

/**
 * What one request straight to a subgraph may ask for. The gateway's own fetches must always pass: a
 * fetch is the part of a client's operation (within DEFAULT_QUERY_LIMITS) one subgraph serves, wrapped
 * in `_entities(representations: $representations) { ... on Type { … } }` (two levels more), with an
 * inline fragment per institution type where the operation reads an interface (so several times the
 * tokens and cost), and the planner's own aliases for fields that differ between those fragments. An
 * entity batch is one `_entities` field however many representations it carries: they are variables.
 * So each limit is the gateway's with ample room, while a request of thousands of aliases (5,000
 * `verifyTranscript`s), deep cycles or a megabyte of tokens is refused before it is executed.
 */
export const DEFAULT_SUBGRAPH_QUERY_LIMITS: QueryLimits = {
  maxDepth: ANALYST_QUERY_LIMITS.maxDepth + 5,
  maxAliases: 200,
  maxDirectives: 100,
  maxTokens: 20_000,
  maxCost: 30_000,
};

/** The `extensions.code` of every refusal by a query limit, as of any other invalid operation. */
export const QUERY_LIMIT_CODE = 'GRAPHQL_VALIDATION_FAILED';

export type QueryLimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

const MESSAGES: Record<QueryLimitName, (max: number) => Bilingual> = {
  depth: (max) => ({
    zh: `查询嵌套过深，最多 ${max} 层`,
    en: `The query is nested too deeply; at most ${max} levels are allowed`,
  }),
  aliases: (max) => ({
    zh: `查询中的别名过多，最多 ${max} 个`,
    en: `The query has too many aliases; at most ${max} are allowed`,
  }),
  directives: (max) => ({
    zh: `查询中的指令过多，最多 ${max} 个`,
    en: `The query has too many directives; at most ${max} are allowed`,
  }),
  tokens: (max) => ({ zh: `查询过长，最多 ${max} 个词法单元`, en: `The query is too long; at most ${max} tokens are allowed` }),
  cost: (max) => ({ zh: `查询过于复杂，复杂度最多 ${max}`, en: `The query is too complex; its cost may be at most ${max}` }),
};

/** The refusal of an operation over `limit`, shaped like every typed error: bilingual, with a stable code. */
export function queryLimitError(limit: QueryLimitName, max: number): GraphQLError {
  const { zh, en } = MESSAGES[limit](max);
  return new GraphQLError(`${zh} (${en})`, { extensions: { code: QUERY_LIMIT_CODE, zh, en, limit, max } });
}

/** graphql-js's own words when `parseOptions.maxTokens` stops the parser (16.x writes "more that"). */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens\b/;

/**
 * A check of operations against `limits` with the same rules and errors as the validation a server
 * runs, for callers held to narrower limits than the server's: it answers the first limit an operation
 * goes beyond, as the typed refusal, or null.
 */
export function queryLimitCheck(limits: QueryLimits) {
  const { validationRules } = queryLimitProtection(limits, { development: true });
  return (schema: GraphQLSchema, source: string, document: DocumentNode): GraphQLError | null => {
    try {
      parse(source, { maxTokens: limits.maxTokens });
    } catch (error) {
      const overTokens = error instanceof GraphQLError ? TOKEN_LIMIT_MESSAGE.exec(error.message) : null;
      if (overTokens) return queryLimitError('tokens', limits.maxTokens);
      throw error;
    }
    return validate(schema, document, validationRules)[0] ?? null;
  };
}

export interface QueryLimitProtection {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<BaseContext>[];
  parseOptions: ParseOptions;
  /** Turns graphql-js's token-limit syntax error into the same typed refusal as the other limits. */
  formatError(formatted: GraphQLFormattedError): GraphQLFormattedError;
}

/**
 * The limits as Apollo Server options: graphql-armor's validation rules for depth, aliases, directives
 * and cost (they run before the query is planned, so a refused operation reaches no subgraph), and,
 * outside development, its plugin that removes "Did you mean" field suggestions from error messages.
 *
 * Tokens are limited by graphql-js's parser (`maxTokens`) rather than by graphql-armor's Apollo plugin:
 * that plugin throws from `parsingDidStart`, which Apollo Server answers with a 500 and parses anyway.
 */
export function queryLimitProtection(limits: QueryLimits, options: { development: boolean }): QueryLimitProtection {
  const report = (limit: QueryLimitName, max: number) => ({
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(queryLimitError(limit, max))],
  });
  const { validationRules, plugins } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...report('depth', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...report('aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...report('directives', limits.maxDirectives) },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...report('cost', limits.maxCost) },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !options.development },
  }).protect();
  return {
    validationRules,
    plugins: plugins as ApolloServerPlugin<BaseContext>[],
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: (formatted) => {
      const overTokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
      if (formatted.extensions?.['code'] !== 'GRAPHQL_PARSE_FAILED' || !overTokens) return formatted;
      const { message, extensions } = queryLimitError('tokens', Number(overTokens[1]));
      return { message, extensions };
    },
  };
}
