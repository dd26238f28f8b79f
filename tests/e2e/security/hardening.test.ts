import {
  DEFAULT_SUBGRAPH_QUERY_LIMITS,
  VERIFICATION_LIMITS,
  createLogger,
  createRateLimiter,
  memoryRateLimitStore,
} from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import { ManualClock } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../../harness/contract';
import { insertSjtuSession, randomIdNumber } from '../../harness/fixtures';
import { DEFAULT_TEST_TIME, startTestGraph } from '../../harness/graph';
import type { TestGraph } from '../../harness/graph';
import { aliased, nested } from '../../harness/hostileQueries';
import { signUpLearner } from '../../harness/learners';
import { bearer, errorCodes, graphSnapshot, post, subgraphUrl } from './support';

/*
 * The red team's low findings (issue 14 item 7), through the gateway and straight at the subgraphs.
 */

const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const SET_CONTACTS = 'mutation ($contacts: [ContactInput!]!) { setSjtuContacts(contacts: $contacts) { code } }';
const OPEN_SESSION = 'mutation ($input: OpenSessionInput!) { openSjtuSession(input: $input) { id } }';
const UPDATE_SESSION = 'mutation ($id: ID!, $input: UpdateSessionInput!) { updateSjtuSession(id: $id, input: $input) { id } }';
const RECORD = 'mutation ($input: CreditEntryInput!) { recordCreditEntry(input: $input) { id } }';
const REVERSE = 'mutation ($id: ID!, $reason: String!) { reverseCreditEntry(entryId: $id, reason: $reason) { id } }';

const sessionInput = (overrides: Record<string, unknown> = {}) => ({
  input: {
    courseId: 'sjtu:course:2021-data',
    title: '数据分析基础（八月班）',
    startsAt: '2021-08-12T09:00:00+08:00',
    endsAt: '2021-08-13T16:30:00+08:00',
    deliveryMode: 'LIVE_ONLINE',
    venue: '法华镇路 535 号主楼 511 室',
    capacity: 40,
    registrationOpensAt: '2021-03-22T10:00:00+08:00',
    restrictedToEmployer: null,
    ...overrides,
  },
});

let graph: TestGraph;
/** The clock of the gateway's limits, moved along with the graph's. */
const gatewayClock = new ManualClock(DEFAULT_TEST_TIME);
let fx: { learnerId: string; creditEntry: string; session: string };
/** Every line the services logged, as written. */
const logLines: string[] = [];

const creditInput = (learnerId: string, overrides: Record<string, unknown> = {}) => ({
  input: {
    learnerId,
    courseTitle: '经认可的讲座类课程',
    institution: 'association',
    category: 'REQUIRED',
    hours: 2,
    completedOn: '2021-02-01',
    reason: '补录学时',
    ...overrides,
  },
});

describe('hardening', () => {
  beforeAll(async () => {
    const logger = createLogger('hardening-test', {
      level: 'debug',
      destination: { write: (line: string) => void logLines.push(line) },
    });
    graph = await startTestGraph({
      seed: 'demo',
      logger,
      signInLimiter: createRateLimiter(memoryRateLimitStore(gatewayClock), gatewayClock),
    });
    const learner = await signUpLearner(graph);
    const recorded = await graph.execute<{ recordCreditEntry: { id: string } }>(RECORD, creditInput(learner.id), REGISTRAR);
    if (!recorded.data) throw new Error(JSON.stringify(recorded.errors));
    fx = {
      learnerId: learner.id,
      creditEntry: recorded.data.recordCreditEntry.id,
      session: await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-hardening', firstDay: '2021-07-08' }),
    };
  });
  afterAll(() => graph?.close());

  describe('database errors reach the logs without the values of the statement', () => {
    // Neither looks like an ID number or mobile, so only leaving them out keeps them out of the log.
    const NAME = '泄漏测试员';
    const PHONE = '31263858-204';

    beforeAll(async () => {
      // A constraint the service does not expect, so the insert fails as an unexpected error would.
      await graph.subgraph('sjtu').database.raw.exec('create unique index contacts_name_unique on contacts (name)');
    });
    afterAll(() => graph.subgraph('sjtu').database.raw.exec('drop index contacts_name_unique'));

    it.each(['gateway', 'sjtu'] as const)('%s: a unique violation with a name in its key and parameters', async (target) => {
      const before = logLines.length;
      const reply = await post(
        target === 'gateway' ? graph.gatewayUrl : subgraphUrl(graph, 'sjtu'),
        { query: SET_CONTACTS, variables: { contacts: [NAME, NAME].map((name) => ({ name, phones: [PHONE] })) } },
        await bearer(graph, SJTU_STAFF),
      );
      expect(errorCodes(reply)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(reply.text).not.toContain(NAME);
      const logged = logLines.slice(before).join('');
      expect(logged).toContain('unexpected error in resolver');
      expect(logged).toContain('"code":"23505"');
      expect(logged).toContain('contacts_name_unique');
      expect(logged).not.toContain(NAME);
      expect(logged).not.toContain(PHONE);
    });
  });

  describe('names and titles must be legible: invisible and combining characters alone are refused', () => {
    const INVISIBLE: Record<string, string> = {
      'a Hangul filler': '\u3164',
      'three Hangul fillers': '\u3164\u3164\u3164',
      'half-width Hangul fillers': '\uFFA0\uFFA0',
      '39 combining marks': '\u0301'.repeat(39),
      'blank Braille': '\u2800\u2800',
      'zero-width spaces': '\u200B\u200B',
      'a filler between two characters': '张\u3164三',
      'a letter under 39 marks': `赵${'\u0336'.repeat(39)}`,
    };
    /** Every input a name or title is typed into, the subgraph serving it and the field its refusal names. */
    const SLOTS: Record<
      string,
      { subgraph: string; field: string; query: string; caller?: Caller; variables: (value: string) => object }
    > = {
      'signUp name': {
        subgraph: 'registry',
        field: 'name',
        query: contractOperation('SignUp'),
        variables: (name) => ({
          input: {
            idNumber: randomIdNumber(),
            name,
            password: 'a long secret',
            mobile: '13811112222',
            employer: '上海测试有限公司',
          },
        }),
      },
      'signUp employer': {
        subgraph: 'registry',
        field: 'employer',
        query: contractOperation('SignUp'),
        variables: (employer) => ({
          input: { idNumber: randomIdNumber(), name: '赵小六', password: 'a long secret', mobile: '13811112222', employer },
        }),
      },
      'recordCreditEntry courseTitle': {
        subgraph: 'registry',
        field: 'courseTitle',
        query: RECORD,
        caller: REGISTRAR,
        variables: (courseTitle) => creditInput(fx.learnerId, { courseTitle }),
      },
      'recordCreditEntry reason': {
        subgraph: 'registry',
        field: 'reason',
        query: RECORD,
        caller: REGISTRAR,
        variables: (reason) => creditInput(fx.learnerId, { reason }),
      },
      'reverseCreditEntry reason': {
        subgraph: 'registry',
        field: 'reason',
        query: REVERSE,
        caller: REGISTRAR,
        variables: (reason) => ({ id: fx.creditEntry, reason }),
      },
      'setSjtuContacts name': {
        subgraph: 'sjtu',
        field: 'name',
        query: SET_CONTACTS,
        caller: SJTU_STAFF,
        variables: (name) => ({ contacts: [{ name, phones: ['13641974129'] }] }),
      },
      'openSjtuSession title': {
        subgraph: 'sjtu',
        field: 'title',
        query: OPEN_SESSION,
        caller: SJTU_STAFF,
        variables: (title) => sessionInput({ title }),
      },
      'openSjtuSession venue': {
        subgraph: 'sjtu',
        field: 'venue',
        query: OPEN_SESSION,
        caller: SJTU_STAFF,
        variables: (venue) => sessionInput({ venue }),
      },
      'updateSjtuSession title': {
        subgraph: 'sjtu',
        field: 'title',
        query: UPDATE_SESSION,
        caller: SJTU_STAFF,
        variables: (title) => ({ id: fx.session, input: { title } }),
      },
    };

    for (const [slot, spec] of Object.entries(SLOTS)) {
      for (const target of ['gateway', 'direct'] as const) {
        it.each(Object.entries(INVISIBLE))(`${slot}, ${target}: refuses %s`, async (_name, value) => {
          const before = await graphSnapshot(graph);
          const reply = await post(
            target === 'gateway' ? graph.gatewayUrl : subgraphUrl(graph, spec.subgraph),
            { query: spec.query, variables: spec.variables(value) },
            await bearer(graph, spec.caller ?? null),
          );
          expect(errorCodes(reply), reply.text).toEqual(['BAD_USER_INPUT']);
          expect(reply.body.errors?.[0]?.extensions).toMatchObject({
            field: spec.field,
            zh: expect.any(String),
            en: expect.any(String),
          });
          expect(await graphSnapshot(graph)).toEqual(before);
        });
      }
    }

    it('still accepts names of every script with the marks their writing uses', async () => {
      for (const name of ['Nguyễn Thị Minh Khai', 'Zoë O’Brien', '欧阳·娜娜', '김민준']) {
        const learner = await signUpLearner(graph, { name });
        expect(learner.id).toBeTruthy();
      }
    });
  });

  describe('session dates stay within the planning years (last year to two years ahead)', () => {
    const REFUSED: Record<string, { field: string; query: string; variables: () => object }> = {
      'a session opened in the year 9999': {
        field: 'startsAt',
        query: OPEN_SESSION,
        variables: () => sessionInput({ startsAt: '9999-03-01T09:00:00+08:00', endsAt: '9999-03-02T16:30:00+08:00' }),
      },
      'a session opened three years ahead': {
        field: 'startsAt',
        query: OPEN_SESSION,
        variables: () => sessionInput({ startsAt: '2024-03-07T09:00:00+08:00', endsAt: '2024-03-08T16:30:00+08:00' }),
      },
      'registration opening in the year 1000': {
        field: 'registrationOpensAt',
        query: OPEN_SESSION,
        variables: () => sessionInput({ registrationOpensAt: '1000-01-01T00:00:00+08:00' }),
      },
      'a session moved to the year 9999': {
        field: 'startsAt',
        query: UPDATE_SESSION,
        variables: () => ({
          id: fx.session,
          input: { startsAt: '9999-07-08T09:00:00+08:00', endsAt: '9999-07-09T16:30:00+08:00' },
        }),
      },
      "a session's end moved to the year 9999": {
        field: 'endsAt',
        query: UPDATE_SESSION,
        variables: () => ({ id: fx.session, input: { endsAt: '9999-07-09T16:30:00+08:00' } }),
      },
    };

    for (const target of ['gateway', 'direct'] as const) {
      it.each(Object.entries(REFUSED))(`${target}: refuses %s`, async (_name, spec) => {
        const before = await graphSnapshot(graph);
        const reply = await post(
          target === 'gateway' ? graph.gatewayUrl : subgraphUrl(graph, 'sjtu'),
          { query: spec.query, variables: spec.variables() },
          await bearer(graph, SJTU_STAFF),
        );
        expect(errorCodes(reply), reply.text).toEqual(['BAD_USER_INPUT']);
        expect(reply.body.errors?.[0]?.extensions).toMatchObject({
          field: spec.field,
          en: expect.stringMatching(/2020 to 2023/),
        });
        expect(await graphSnapshot(graph)).toEqual(before);
      });
    }

    it('opens a session two years ahead, and changes a title without touching old dates', async () => {
      const opened = await graph.execute(
        OPEN_SESSION,
        sessionInput({ startsAt: '2023-12-07T09:00:00+08:00', endsAt: '2023-12-08T16:30:00+08:00' }),
        SJTU_STAFF,
      );
      expect(opened.errors).toBeUndefined();
      // Five years on, the 2021 session's dates are long outside the horizon; its title may still be corrected.
      graph.clock.advance(5 * 365 * 24 * 60 * 60 * 1000);
      const renamed = await graph.execute(
        UPDATE_SESSION,
        { id: fx.session, input: { title: '数据分析基础（七月班）' } },
        SJTU_STAFF,
      );
      expect(renamed.errors).toBeUndefined();
    });
  });

  describe('the transcript verification page is throttled per client address', () => {
    /** Asks for the verification page of an unknown code until refused; the statuses, and the refusal. */
    async function untilRefused(origin: string, most: number) {
      const statuses: number[] = [];
      for (let view = 0; view <= most; view += 1) {
        const response = await fetch(`${origin}/documents/verify/NOSUCHCODE${view}`);
        statuses.push(response.status);
        if (response.status === 429) {
          return { statuses, response, page: await response.text() };
        }
        await response.body?.cancel();
      }
      return { statuses, response: null, page: '' };
    }

    const expectRefusalPage = (refusal: Awaited<ReturnType<typeof untilRefused>>) => {
      expect(Number(refusal.response?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refusal.response?.headers.get('content-type')).toMatch(/text\/html/);
      expect(refusal.page).toContain('请求过于频繁');
      expect(refusal.page).toContain('Too many requests');
    };

    it('gateway: answers 429 with a bilingual page after the per-client limit, and serves again in the next window', async () => {
      const origin = new URL(graph.gatewayUrl).origin;
      const refusal = await untilRefused(origin, VERIFICATION_LIMITS.perClient.limit);
      expect(refusal.statuses.slice(0, -1)).toEqual(Array(VERIFICATION_LIMITS.perClient.limit).fill(404));
      expect(refusal.statuses.at(-1)).toBe(429);
      expectRefusalPage(refusal);
      gatewayClock.advance(VERIFICATION_LIMITS.perClient.windowSeconds * 1000);
      graph.clock.advance(VERIFICATION_LIMITS.perClient.windowSeconds * 1000);
      expect((await fetch(`${origin}/documents/verify/NOSUCHCODE`)).status).toBe(404);
    });

    it('registry, reached directly: answers 429 with a bilingual page after the per-address limit', async () => {
      graph.clock.advance(VERIFICATION_LIMITS.perConnection.windowSeconds * 1000);
      const refusal = await untilRefused(
        `http://127.0.0.1:${graph.subgraph('registry').port}`,
        VERIFICATION_LIMITS.perConnection.limit,
      );
      expect(refusal.statuses).toHaveLength(VERIFICATION_LIMITS.perConnection.limit + 1);
      expect(refusal.statuses.at(-1)).toBe(429);
      expectRefusalPage(refusal);
    });
  });

  describe('subgraphs reached directly limit operations themselves', () => {
    const refusal = (limit: string) => ({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit,
      zh: expect.any(String),
      en: expect.any(String),
    });

    it.each([
      [
        '5,000 aliases of verifyTranscript',
        'registry',
        () => aliased(5000, 'verifyTranscript(code: "X") { verificationCode }'),
        'tokens',
      ],
      [
        '1,000 aliases of verifyTranscript',
        'registry',
        () => aliased(1000, 'verifyTranscript(code: "X") { __typename }'),
        'aliases',
      ],
      [
        'one alias over the limit',
        'sjtu',
        () => aliased(DEFAULT_SUBGRAPH_QUERY_LIMITS.maxAliases + 1, 'course(id: "sjtu:course:2021-data") { id }'),
        'aliases',
      ],
      [
        'one level too deep',
        'sjtu',
        () => nested(DEFAULT_SUBGRAPH_QUERY_LIMITS.maxDepth + 1, 'course(id: "sjtu:course:2021-data")'),
        'depth',
      ],
    ])('refuses %s before executing it (%s)', async (_name, subgraph, query, limit) => {
      graph.resetCounters();
      const before = graph.subgraph(subgraph).database.statements.count;
      const reply = await post(subgraphUrl(graph, subgraph), { query: query() });
      expect(reply.status).toBe(400);
      expect(new Set(errorCodes(reply))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      expect(reply.body.errors?.map((error) => error.extensions)).toContainEqual(expect.objectContaining(refusal(limit)));
      expect(graph.subgraph(subgraph).database.statements.count).toBe(before);
    });

    it('serves an entity batch of 2,000 representations: they are variables, not aliases', async () => {
      const reply = await post(subgraphUrl(graph, 'sjtu'), {
        query:
          'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on SjtuCourse { id title } } }',
        variables: {
          representations: Array.from({ length: 2000 }, () => ({ __typename: 'SjtuCourse', id: 'sjtu:course:2021-data' })),
        },
      });
      expect(reply.body.errors, reply.text.slice(0, 300)).toBeUndefined();
      expect(reply.body.data?.['_entities']).toHaveLength(2000);
    });
  });
});
