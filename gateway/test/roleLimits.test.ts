import { SUBGRAPHS } from '@xueshi/institutions/topology';
import { ANALYST_QUERY_LIMITS, DEFAULT_QUERY_LIMITS } from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import { ManualClock, testKeys } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/create';
import { aliased, nested } from '../../tests/harness/hostileQueries';
import { NOWHERE, startTestGateway } from './support/gateway';
import type { GraphQLResponse } from './support/gateway';

const UNREACHABLE = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, NOWHERE]));
const CLOCK = new ManualClock('2021-02-22T10:00:00+08:00');

const CALLERS: Record<string, Caller | null> = {
  anonymous: null,
  learner: { role: 'LEARNER', subject: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
  'institution staff': { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' },
  analyst: { role: 'ANALYST', subject: 'analyst' },
  registrar: { role: 'REGISTRAR', subject: 'registrar' },
};

/** `count` aliased copies of a registry field (aliases are limited; each adds to the cost too). */
const aliasedInstitutions = (count: number) => aliased(count, 'institutions { code }');

describe('query limits by role at the gateway', () => {
  let gateway: RunningGateway;
  const ask = async (query: string, caller: Caller | null): Promise<GraphQLResponse> => {
    const token = caller ? await (await testKeys()).tokenFor(caller, CLOCK) : null;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
  };
  /** Past every limit: it failed only because no subgraph listens here. */
  const expectAdmitted = (response: GraphQLResponse, who: string) =>
    expect(
      (response.errors ?? []).map((error) => error.extensions?.['code']).filter((code) => code !== 'UNAVAILABLE'),
      who,
    ).toEqual([]);
  const expectRefused = (response: GraphQLResponse, who: string, limit: string, max: number) => {
    expect(response.status, who).toBe(400);
    expect(response.errors, who).toHaveLength(1);
    expect(response.errors?.[0]?.extensions, who).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit, max });
    expect(response.errors?.[0]?.message, who).toContain(String(max));
  };

  beforeAll(async () => {
    gateway = await startTestGateway({ development: false, subgraphUrls: UNREACHABLE, adHocOperations: 'anyone' });
  });
  afterAll(() => gateway?.close());

  it('gives analysts and the registrar two more levels than anyone else, and refuses them beyond', async () => {
    const deeper = nested(DEFAULT_QUERY_LIMITS.maxDepth + 1);
    for (const [who, caller] of Object.entries(CALLERS)) {
      if (caller?.role === 'ANALYST' || caller?.role === 'REGISTRAR') {
        expectAdmitted(await ask(deeper, caller), who);
        expectRefused(await ask(nested(ANALYST_QUERY_LIMITS.maxDepth + 1), caller), who, 'depth', ANALYST_QUERY_LIMITS.maxDepth);
      } else {
        expectRefused(await ask(deeper, caller), who, 'depth', DEFAULT_QUERY_LIMITS.maxDepth);
      }
    }
  });

  it('gives analysts twice the aliases, and tells everyone else their own limit even when the widest refused', async () => {
    const between = aliasedInstitutions(DEFAULT_QUERY_LIMITS.maxAliases + 5);
    expectAdmitted(await ask(between, CALLERS['analyst'] ?? null), 'analyst');
    expectRefused(await ask(between, null), 'anonymous', 'aliases', DEFAULT_QUERY_LIMITS.maxAliases);
    const beyond = aliasedInstitutions(ANALYST_QUERY_LIMITS.maxAliases + 1);
    expectRefused(await ask(beyond, CALLERS['analyst'] ?? null), 'analyst', 'aliases', ANALYST_QUERY_LIMITS.maxAliases);
    expectRefused(await ask(beyond, CALLERS['learner'] ?? null), 'learner', 'aliases', DEFAULT_QUERY_LIMITS.maxAliases);
    // Each operation's check is remembered: the same text is refused again, and admitted again within limits.
    expectRefused(await ask(between, CALLERS['learner'] ?? null), 'learner again', 'aliases', DEFAULT_QUERY_LIMITS.maxAliases);
    expectRefused(await ask(between, null), 'anonymous again', 'aliases', DEFAULT_QUERY_LIMITS.maxAliases);
    const within = aliasedInstitutions(DEFAULT_QUERY_LIMITS.maxAliases);
    expectAdmitted(await ask(within, CALLERS['learner'] ?? null), 'learner within');
    expectAdmitted(await ask(within, null), 'anonymous within');
  });

  it('holds tokens and cost per role too', async () => {
    // A long list of dimensions: tokens, and nothing else, grow with it.
    const longer = `{ registrationFacts(year: 2021, groupBy: [${'MONTH '.repeat(DEFAULT_QUERY_LIMITS.maxTokens)}]) { rows { suppressed } } }`;
    expectAdmitted(await ask(longer, CALLERS['registrar'] ?? null), 'registrar');
    expectRefused(await ask(longer, CALLERS['institution staff'] ?? null), 'staff', 'tokens', DEFAULT_QUERY_LIMITS.maxTokens);
    // Twelve copies of a learner's payments walked back and forth cost 1,792: past everyone's 1,500
    // (with 12 aliases and about 520 tokens, inside those limits), within the analysts' 4,500.
    const walk =
      'learner(id: "x") { registrations { id status feeFen hours payments { id status amountFen registration { id status feeFen hours ' +
      'payments { id status amountFen registration { id status feeFen hours } } } } } }';
    const costly = `{ ${Array.from({ length: 12 }, (_, index) => `w${index}: ${walk}`).join(' ')} }`;
    expectAdmitted(await ask(costly, CALLERS['analyst'] ?? null), 'analyst');
    expectRefused(await ask(costly, null), 'anonymous', 'cost', DEFAULT_QUERY_LIMITS.maxCost);
  });
});
