import { SUBGRAPHS } from '@xueshi/institutions/topology';
import type { Caller } from '@xueshi/subgraph-kit';
import { Kind } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_DOCUMENT, contractOperation } from '../../tests/harness/contract';
import { startTestGraph } from '../../tests/harness/graph';
import { aliased, nested } from '../../tests/harness/hostileQueries';
import type { TestGraph } from '../../tests/harness/graph';
import { DEFAULT_QUERY_LIMITS } from '@xueshi/subgraph-kit';
import type { QueryLimits } from '@xueshi/subgraph-kit';
import type { GraphQLResponse } from './support/gateway';
import { NOWHERE, post, startTestGateway } from './support/gateway';

const ANALYST: Caller = { role: 'ANALYST', subject: 'analyst' };
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };

/** Every subgraph where nothing listens: an operation that gets past the limits fails as UNAVAILABLE. */
const UNREACHABLE = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, NOWHERE]));

const CONTRACT_OPERATIONS = CONTRACT_DOCUMENT.definitions
  .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
  .map((operation) => operation.name?.value ?? '');

/** An analyst's figures for a year, by institution, with each institution's courses and sessions. */
const STATISTICS_WITH_COURSES = /* GraphQL */ `
  query StatisticsWithCourses($year: Int!) {
    programmeStatistics(year: $year) {
      year
      learners
      registrations
      paid
      completed
      failed
      withdrawn
      expired
      creditHours
      revenueFen
      byInstitution {
        institution {
          code
          name
          profile {
            courses(year: $year) {
              id
              title
              category
              hours
              feeFen
              sessions {
                id
                startsAt
                endsAt
                deliveryMode
                capacity
                seatsTaken
                registrationOpensAt
                registrationClosesAt
              }
            }
          }
        }
        registrations
        paid
        completed
        failed
        withdrawn
        expired
        creditHours
        revenueFen
      }
    }
  }
`;

/** Five years side by side, through a fragment, with two cycles' compliance. */
const STATISTICS_BY_YEAR = /* GraphQL */ `
  query StatisticsByYear {
    y2019: programmeStatistics(year: 2019) {
      ...Figures
    }
    y2020: programmeStatistics(year: 2020) {
      ...Figures
    }
    y2021: programmeStatistics(year: 2021) {
      ...Figures
    }
    y2022: programmeStatistics(year: 2022) {
      ...Figures
    }
    y2023: programmeStatistics(year: 2023) {
      ...Figures
    }
    c2019: cycleCompliance(startYear: 2019) {
      startYear
      endYear
      learnersWithCredit
      compliant
      requiredShort
      totalShort
    }
    c2022: cycleCompliance(startYear: 2022) {
      startYear
      endYear
      learnersWithCredit
      compliant
      requiredShort
      totalShort
    }
  }
  fragment Figures on ProgrammeStatistics {
    year
    learners
    registrations
    paid
    completed
    failed
    withdrawn
    expired
    creditHours
    revenueFen
    byInstitution {
      institution {
        code
        name
        isLeadUnit
        runs
        profile {
          address
          hotline
          contacts {
            name
            phones
          }
        }
      }
      registrations
      paid
      completed
      failed
      withdrawn
      expired
      creditHours
      revenueFen
    }
  }
`;

/** The catalogue with every field of every session. */
const FULL_CATALOGUE = /* GraphQL */ `
  query FullCatalogue($year: Int!) {
    programmeYear(year: $year) {
      year
      registrationOpensAt
      isSample
    }
    institutions {
      code
      name
      isLeadUnit
      runs
      profile {
        address
        hotline
        contacts {
          name
          phones
        }
        courses(year: $year) {
          id
          title
          category
          year
          hours
          days
          feeFen
          description
          isSample
          sessions {
            id
            title
            startsAt
            endsAt
            firstDay
            lastDay
            deliveryMode
            venue
            capacity
            seatsTaken
            registrationOpensAt
            registrationClosesAt
            restrictedToEmployer
            isSample
          }
        }
      }
    }
  }
`;

/** The registrar's full view of a learner: the deepest realistic query (8 levels). */
const LEARNER_IN_FULL = /* GraphQL */ `
  query LearnerInFull($id: ID!) {
    learner(id: $id) {
      id
      name
      idNumberMasked
      employer
      idNumber
      mobile
      mobileMasked
      cycleStartYear
      registrations {
        id
        status
        feeFen
        hours
        registeredAt
        holdExpiresAt
        accessExpiresAt
        refundFen
        session {
          id
          startsAt
          endsAt
          deliveryMode
          venue
          course {
            id
            title
            category
            hours
            institution {
              code
              name
              profile {
                hotline
                contacts {
                  name
                  phones
                }
              }
            }
          }
        }
      }
      creditEntries {
        id
        courseTitle
        institutionName
        category
        hours
        completedOn
        visibleFrom
      }
      cycle {
        startYear
        endYear
        requiredHours
        electiveHours
        totalHours
        compliant
        requiredShortfall
        totalShortfall
        years {
          year
          hours
        }
        suggestions {
          courseTitle
          category
        }
      }
    }
  }
`;

/** A query `depth` fields deep, walking session → course → sessions → course … down to an id. */
const nestedQuery = (depth: number) => nested(depth, 'session(id: "sjtu-s-1")');

const codesOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((error) => error.extensions?.['code']);
const limitsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (result.errors ?? []).map((error) => error.extensions?.['limit']);

describe('query limits, with the whole graph behind the gateway', () => {
  let graph: TestGraph;
  const operationsReceived = () => [...graph.subgraphs.values()].reduce((sum, subgraph) => sum + subgraph.operations.count, 0);

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
  });
  afterAll(() => graph?.close());

  it.each(CONTRACT_OPERATIONS)('lets the contract operation %s through', async (name) => {
    // Without variables (or a caller) it stops after the limits, at their coercion or authorization:
    // nothing changes. tests/e2e runs each of them in full.
    const result = await graph.execute(contractOperation(name));
    expect(codesOf(result)).not.toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('runs the catalogue with every field of every session', async () => {
    const catalogue = await graph.execute<{ institutions: { profile: { courses: { sessions: unknown[] }[] } }[] }>(
      FULL_CATALOGUE,
      { year: 2021 },
    );
    expect(catalogue.errors).toBeUndefined();
    const sessions = catalogue.data?.institutions.flatMap((institution) =>
      institution.profile.courses.flatMap((course) => course.sessions),
    );
    expect(sessions?.length).toBeGreaterThan(50);
  });

  it.each([
    ['an analyst’s statistics by institution with their courses and sessions', STATISTICS_WITH_COURSES, { year: 2021 }, ANALYST],
    ['an analyst’s statistics for five years side by side', STATISTICS_BY_YEAR, {}, ANALYST],
    ['the registrar’s full view of a learner', LEARNER_IN_FULL, { id: '00000000-0000-4000-8000-000000000000' }, REGISTRAR],
  ])('lets %s through to the registry', async (_what, query, variables, caller) => {
    graph.resetCounters();
    const result = await graph.execute(query, variables, caller);
    expect(codesOf(result)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(graph.subgraph('registry').operations.count).toBeGreaterThan(0);
  });

  it('refuses a query 36 levels deep before any subgraph is asked', async () => {
    graph.resetCounters();
    const response = await post(graph.gatewayUrl, nestedQuery(36));
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(new Set(codesOf(response))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(limitsOf(response)).toContain('depth');
    expect(operationsReceived()).toBe(0);
  });

  it('refuses a query with 500 aliases before any subgraph is asked', async () => {
    graph.resetCounters();
    const response = await post(graph.gatewayUrl, aliased(500, 'institutions { code }'));
    expect(response.status).toBe(400);
    expect(new Set(codesOf(response))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    // 3,000 tokens: the parser stops at the 1,001st, before the alias rule would have counted them.
    expect(limitsOf(response)).toEqual(['tokens']);
    expect(operationsReceived()).toBe(0);
  });
});

describe('each query limit, configured', () => {
  /** Runs `check` against a gateway with `limits` (the others at their defaults) and no subgraph. */
  const withLimits = async (limits: Partial<QueryLimits>, check: (url: string) => Promise<void>) => {
    const gateway = await startTestGateway({ development: false, subgraphUrls: UNREACHABLE, queryLimits: limits });
    try {
      await check(gateway.url);
    } finally {
      await gateway.close();
    }
  };

  /** Got past the limits: answered, or failed only because no subgraph listens. */
  const expectAdmitted = (response: GraphQLResponse, query: string) => {
    expect(
      codesOf(response).filter((code) => code !== 'UNAVAILABLE'),
      query,
    ).toEqual([]);
  };
  const expectRefused = (response: GraphQLResponse, limit: string, max: number) => {
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit, max });
    // Chinese, then English, as every typed error says it.
    const { zh, en } = (error?.extensions ?? {}) as { zh: string; en: string };
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toContain(String(max));
    expect(en).toMatch(new RegExp(`^The query .* ${max}`));
    expect(error?.message).toBe(`${zh} (${en})`);
  };

  it('depth, counting fields but not the fragments around them', () =>
    withLimits({ maxDepth: 4 }, async (url) => {
      expectAdmitted(await post(url, nestedQuery(4)), nestedQuery(4));
      expectRefused(await post(url, nestedQuery(5)), 'depth', 4);
      const throughFragments =
        '{ session(id: "x") { ... on Session { course { ...C } } } } fragment C on Course { sessions { id } }';
      expectAdmitted(await post(url, throughFragments), throughFragments);
    }));

  it('aliases, where an aliased __typename is free', () =>
    withLimits({ maxAliases: 3 }, async (url) => {
      expectAdmitted(await post(url, aliased(3, 'institutions { code }')), 'three aliases');
      expectRefused(await post(url, aliased(4, 'institutions { code }')), 'aliases', 3);
      expect(await post(url, aliased(8, '__typename'))).toMatchObject({ status: 200, data: { a7: 'Query' } });
    }));

  it('directives', () =>
    withLimits({ maxDirectives: 2 }, async (url) => {
      const withDirectives = (count: number) =>
        `{ ${Array.from({ length: count }, (_, index) => `t${index}: __typename @include(if: true)`).join(' ')} }`;
      expect(await post(url, withDirectives(2))).toMatchObject({ status: 200, data: { t1: 'Query' } });
      expectRefused(await post(url, withDirectives(3)), 'directives', 2);
    }));

  it('tokens, counted by the parser, which stops at the first one over', () =>
    withLimits({ maxTokens: 40 }, async (url) => {
      const ofTokens = (count: number) => `{ ${'__typename '.repeat(count - 2)}}`;
      expect(await post(url, ofTokens(40))).toEqual({ status: 200, data: { __typename: 'Query' } });
      expectRefused(await post(url, ofTokens(41)), 'tokens', 40);
    }));

  it('cost', () =>
    withLimits({ maxCost: 10 }, async (url) => {
      // institutions 2 + 1.5 × four scalars = 8; each top-level __typename adds 1.
      const costing = (cost: number) => `{ institutions { code name isLeadUnit runs } ${'__typename '.repeat(cost - 8)}}`;
      expectAdmitted(await post(url, costing(10)), costing(10));
      expectRefused(await post(url, costing(11)), 'cost', 10);
    }));

  it('refuses 500 aliases by the alias rule itself where the token and cost limits would let them through', () =>
    withLimits({ maxTokens: 10_000, maxCost: 100_000 }, async (url) => {
      expectRefused(await post(url, aliased(500, 'institutions { code }')), 'aliases', DEFAULT_QUERY_LIMITS.maxAliases);
    }));
});
