// What `pnpm bench` measures, and how each answer is checked against our gateway's.
import { randomInt } from 'node:crypto';
import {
  addCalendarDays,
  BUILT_IN_CALENDAR,
  firstWorkingRun,
  HELD_CALENDAR_YEARS,
  shanghaiDay,
  shanghaiYear,
} from '@xueshi/domain';
import type { Clock, Database, TokenSigner } from '@xueshi/subgraph-kit';
import { DEMO_LEARNER, DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { contractOperation } from '../tests/harness/contract';
import { randomIdNumber } from '../tests/harness/fixtures';
import { insertBurstLearners, reckonBurst } from './burst';
import type { BurstAnswer, BurstReckoning } from './burst';
import type { BenchRequest } from './load';

/**
 * The Asia/Shanghai times of the first run of `days` consecutive working days starting at least two days
 * after `now`, as a course's session must be (ADR 0030). Throws when that would run into a year whose
 * official calendar is not held: a bench session is never put on a guessed working day.
 */
export function benchSessionTimes(now: Date, days: number): { startsAt: string; endsAt: string } {
  const first = firstWorkingRun(BUILT_IN_CALENDAR, addCalendarDays(shanghaiDay(now), 2), days);
  if (first === null) {
    throw new Error(
      `no ${days} working days left in the years whose official calendar is held (${HELD_CALENDAR_YEARS.join(', ')})`,
    );
  }
  return { startsAt: `${first}T09:00:00+08:00`, endsAt: `${addCalendarDays(first, days - 1)}T16:30:00+08:00` };
}

export interface GraphAnswer<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function graphql<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphAnswer<Data>> {
  return (await send(url, {
    body: JSON.stringify({ query, variables }),
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  })) as GraphAnswer<Data>;
}

const BUSY_ATTEMPTS = 60;

/** Sends a request as a client does: again after Retry-After while the gateway answers 503 (a busy planner). */
async function send(url: string, request: BenchRequest): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
    });
    const retryAfter = Number(response.headers.get('retry-after') ?? 0);
    if (response.status !== 503 || retryAfter === 0 || attempt === BUSY_ATTEMPTS) return response.json();
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
}

/** One workload on one gateway: the requests to send, and how to tell a right answer. */
export interface Run {
  /** At most this many requests (a burst), or as many as fit in the round's time. */
  next: () => BenchRequest | null;
  check: (sent: BenchRequest, status: number, body: string) => string | null;
  /** Checks made after the run (a burst's seats), as problems found. */
  after?: () => Promise<string[]>;
  /** A burst's reckoning, once `after` has run. */
  reckoning?: () => BurstReckoning | null;
}

export interface Workload {
  name: string;
  description: string;
  /**
   * A burst: sends its requests once, open loop, this many a second (each at its time whether or not the
   * ones before have been answered), so its latencies include any queueing.
   */
  burst?: { ratePerSecond: number };
  /** Prepares one run (a burst opens fresh sessions and signs up fresh learners for each). */
  prepare(): Promise<Run>;
  /** Requests that warm a gateway up for this workload without changing anything. */
  warmUp(): Promise<Run>;
}

/** How a refusal that is a wrong answer (not a failure to answer) begins. */
export const MISMATCH = 'a different answer than ours';

const CATALOGUE = contractOperation('Catalogue');
const MY_RECORD = contractOperation('MyRecord');
const SIGN_UP = contractOperation('SignUp');
const SIGN_IN = contractOperation('SignIn');
const STAFF_SIGN_IN = contractOperation('StaffSignIn');
const REGISTER = contractOperation('Register');

const requestOf = (query: string, variables: Record<string, unknown>, token?: string): BenchRequest => ({
  body: JSON.stringify({ query, variables }),
  ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
});

/** The answer's data as our gateway gave it for the same request, compared as JSON text. */
function sameDataAs(expected: Map<string, string>) {
  return (sent: BenchRequest, status: number, body: string): string | null => {
    if (status !== 200) return `HTTP ${status}: ${body.slice(0, 200)}`;
    const answer = JSON.parse(body) as GraphAnswer;
    if (answer.errors?.length) return `errors: ${JSON.stringify(answer.errors).slice(0, 200)}`;
    const key = `${sent.headers?.['authorization'] ?? ''} ${sent.body}`;
    return JSON.stringify(answer.data) === expected.get(key) ? null : `${MISMATCH}: ${body.slice(0, 200)}`;
  };
}

function rotating(requests: BenchRequest[]): () => BenchRequest {
  let index = 0;
  return () => {
    const request = requests[index % requests.length] as BenchRequest;
    index += 1;
    return request;
  };
}

/** Our gateway's data for each request: what every gateway's answer must equal. */
async function referenceAnswers(ours: string, requests: BenchRequest[]): Promise<Map<string, string>> {
  const expected = new Map<string, string>();
  const AT_ONCE = 8;
  for (let started = 0; started < requests.length; started += AT_ONCE) {
    await Promise.all(
      requests.slice(started, started + AT_ONCE).map(async (request) => {
        const answer = (await send(ours, request)) as GraphAnswer;
        if (answer.errors?.length || !answer.data)
          throw new Error(`our gateway refused a bench request: ${JSON.stringify(answer.errors)}`);
        expected.set(`${request.headers?.['authorization'] ?? ''} ${request.body}`, JSON.stringify(answer.data));
      }),
    );
  }
  return expected;
}

/** Signs up `count` new learners at the registry itself (outside the gateways' sign-up limits). */
export async function signUpLearners(registryUrl: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  const signUpOne = async () => {
    const input = {
      idNumber: randomIdNumber(),
      name: '测试学员',
      password: 'bench password 1',
      mobile: `139${String(randomInt(100_000_000)).padStart(8, '0')}`,
      employer: '上海测试科技有限公司',
    };
    const answer = await graphql<{ signUp: { token: string } }>(registryUrl, SIGN_UP, { input });
    if (!answer.data?.signUp) throw new Error(`bench sign-up refused: ${JSON.stringify(answer.errors)}`);
    tokens.push(answer.data.signUp.token);
  };
  const SIGN_UPS_AT_ONCE = 4;
  for (let started = 0; started < count; started += SIGN_UPS_AT_ONCE) {
    await Promise.all(Array.from({ length: Math.min(SIGN_UPS_AT_ONCE, count - started) }, signUpOne));
  }
  return tokens;
}

export interface WorkloadSizes {
  /** Distinct learners for MyRecord. */
  learners: number;
  /** A burst: sessions opened for it, seats in each, learners registering (one attempt each). */
  burstSessions: number;
  burstSeats: number;
  burstLearners: number;
  /** The burst's learners arrive evenly over this many seconds. */
  burstSeconds: number;
}

/** The registry's database and key: the burst's learners are inserted and given tokens there. */
export interface BurstPreparation {
  registry: Database;
  signer: TokenSigner;
}

/** Who the workloads act as: a token for each. */
export interface Identities {
  /** The learner of `MyRecord (one learner)`. */
  oneLearner: string;
  /** The distinct learners of `MyRecord (N learners)`. */
  manyLearners: string[];
  /** 上海交通大学's staff, who open the burst's sessions. */
  sjtuStaff: string;
}

/** The embedded demo's identities: the demo learner and sjtu-staff signed in, `count` learners signed up. */
export async function demoIdentities(ours: string, registryUrl: string, count: number): Promise<Identities> {
  const demo = await graphql<{ signIn: { token: string } }>(ours, SIGN_IN, {
    idNumber: DEMO_LEARNER.idNumber,
    password: DEMO_PASSWORD,
  });
  const oneLearner = demo.data?.signIn.token;
  if (!oneLearner) throw new Error(`the demo learner could not sign in: ${JSON.stringify(demo.errors)}`);
  const staff = await graphql<{ staffSignIn: { token: string } }>(ours, STAFF_SIGN_IN, {
    username: 'sjtu-staff',
    password: DEMO_PASSWORD,
  });
  const sjtuStaff = staff.data?.staffSignIn.token;
  if (!sjtuStaff) throw new Error(`sjtu-staff could not sign in: ${JSON.stringify(staff.errors)}`);
  return { oneLearner, manyLearners: await signUpLearners(registryUrl, count), sjtuStaff };
}

export async function workloads(
  ours: string,
  sizes: WorkloadSizes,
  identities: Identities,
  clock: Clock,
  preparation: BurstPreparation,
): Promise<Workload[]> {
  const catalogue = [requestOf(CATALOGUE, { year: 2021 })];
  const demoToken = identities.oneLearner;
  const oneLearner = [requestOf(MY_RECORD, {}, demoToken)];
  const manyLearners = identities.manyLearners.map((token) => requestOf(MY_RECORD, {}, token));
  const expected = await referenceAnswers(ours, [...catalogue, ...oneLearner, ...manyLearners]);
  const staffToken = identities.sjtuStaff;
  const year = shanghaiYear(clock.now());
  const courses = await graphql<{ institution: { profile: { courses: { id: string; days: number | null }[] } } }>(
    ours,
    'query ($year: Int!) { institution(code: "sjtu") { profile { courses(year: $year) { id days } } } }',
    { year },
  );
  const course = courses.data?.institution.profile.courses[0];
  if (!course?.days) throw new Error(`sjtu has no live course in ${year} to open bench sessions of`);
  const courseId = course.id;
  const courseDays = course.days;

  const neverSent = (errors: GraphAnswer<unknown>['errors']) =>
    errors?.some(({ extensions }) => extensions?.['reason'] === 'circuit-open' || extensions?.['reason'] === 'overloaded') ??
    false;
  /** Opens the sessions of one burst: on the next working days its course fits, open since an hour ago. */
  const openSessions = async (): Promise<string[]> => {
    const ids: string[] = [];
    const { startsAt, endsAt } = benchSessionTimes(clock.now(), courseDays);
    const openOne = async () => {
      const send = () =>
        graphql<{ openSjtuSession: { id: string } }>(
          ours,
          'mutation ($input: OpenSessionInput!) { openSjtuSession(input: $input) { id } }',
          {
            input: {
              courseId,
              startsAt,
              endsAt,
              deliveryMode: 'LIVE_ONLINE',
              capacity: sizes.burstSeats,
              registrationOpensAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
            },
          },
          staffToken,
        );
      // The burst before may leave a subgraph's circuit in our gateway open for a while: such an answer
      // was never sent, so asking again (for up to a minute) opens no session twice.
      let answer = await send();
      for (let waited = 0; waited < 60 && neverSent(answer.errors); waited += 1) {
        await new Promise((done) => setTimeout(done, 1_000));
        answer = await send();
      }
      const id = answer.data?.openSjtuSession.id;
      if (!id) throw new Error(`a bench session could not be opened: ${JSON.stringify(answer.errors)}`);
      ids.push(id);
    };
    const OPENED_AT_ONCE = 4;
    for (let opened = 0; opened < sizes.burstSessions; opened += OPENED_AT_ONCE) {
      await Promise.all(Array.from({ length: Math.min(OPENED_AT_ONCE, sizes.burstSessions - opened) }, openOne));
    }
    return ids;
  };

  const steady = (requests: BenchRequest[]) => async (): Promise<Run> => ({
    next: rotating(requests),
    check: sameDataAs(expected),
  });
  return [
    {
      name: 'Catalogue',
      description: 'Catalogue(year: 2021), anonymous',
      prepare: steady(catalogue),
      warmUp: steady(catalogue),
    },
    {
      name: 'MyRecord (one learner)',
      description: 'MyRecord, the demo learner on every connection',
      prepare: steady(oneLearner),
      warmUp: steady(oneLearner),
    },
    {
      name: `MyRecord (${manyLearners.length} learners)`,
      description: `MyRecord, ${manyLearners.length} distinct learners in turn`,
      prepare: steady(manyLearners),
      warmUp: steady(manyLearners),
    },
    {
      name: 'Registration burst',
      burst: { ratePerSecond: sizes.burstLearners / sizes.burstSeconds },
      // Registering for a session that does not exist plans the operation and changes nothing.
      warmUp: steady([requestOf(REGISTER, { sessionId: 'sjtu:session:2021-bench-none' }, demoToken)]),
      description: `${sizes.burstLearners} new learners register for ${sizes.burstSessions} new sessions of ${sizes.burstSeats} seats, arriving over ${sizes.burstSeconds} s`,
      prepare: async () => {
        const sessions = await openSessions();
        const learners = await insertBurstLearners(preparation.registry, preparation.signer, sizes.burstLearners);
        // Learner i chooses session i mod sessions: each session is wanted by the same number of learners.
        const requests = learners.map(({ token }, index) =>
          requestOf(REGISTER, { sessionId: sessions[index % sessions.length] }, token),
        );
        const learnerOf = new Map(requests.map((request, index) => [request, learners[index]?.id ?? '']));
        const answers = new Map<string, BurstAnswer>(learners.map(({ id }) => [id, 'unanswered']));
        let sent = 0;
        let reckoning: BurstReckoning | null = null;
        return {
          next: () => requests[sent++] ?? null,
          check: (request, status, body) => {
            if (status !== 200) return `HTTP ${status}: ${body.slice(0, 200)}`;
            const answer = JSON.parse(body) as GraphAnswer<{ register: { id: string; status: string } | null }>;
            const learner = learnerOf.get(request) ?? '';
            if (answer.data?.register?.status === 'AWAITING_PAYMENT') {
              answers.set(learner, { registered: answer.data.register.id });
              return null;
            }
            const codes = answer.errors?.map((error) => error.extensions?.['code']) ?? [];
            if (codes.length === 1 && codes[0] === 'SESSION_FULL') {
              answers.set(learner, 'SESSION_FULL');
              return null;
            }
            return `neither a seat nor SESSION_FULL: ${body.slice(0, 200)}`;
          },
          reckoning: () => reckoning,
          after: async () => {
            const wanted = (id: string) => requests.filter((_request, index) => sessions[index % sessions.length] === id).length;
            reckoning = await reckonBurst(
              preparation.registry,
              sessions.map((id) => ({ id, seats: sizes.burstSeats, wanted: wanted(id) })),
              answers,
            );
            const problems: string[] = [];
            const { oversold, lost, twice, seatsLeftFree, registered } = reckoning;
            if (oversold > 0) problems.push(`${MISMATCH}: ${oversold} seats oversold`);
            if (lost > 0) problems.push(`${MISMATCH}: ${lost} learners hold other than what they were told`);
            if (twice > 0) problems.push(`${MISMATCH}: ${twice} learners registered twice`);
            const unanswered = [...answers.values()].filter((answer) => answer === 'unanswered').length;
            // A learner left unanswered (a timeout) may hold a seat or not; only a full answer sheet shows free seats.
            if (unanswered === 0 && seatsLeftFree > 0) problems.push(`${MISMATCH}: ${seatsLeftFree} wanted seats left free`);
            const seats = Math.min(requests.length, sessions.length * sizes.burstSeats);
            if (unanswered === 0 && registered !== seats) {
              problems.push(`${MISMATCH}: ${registered} seats taken where ${seats} were to be had`);
            }
            // What every caller sees through our gateway, as well as what the rows say.
            for (const id of sessions) {
              const answer = await graphql<{ session: { seatsTaken: number } | null }>(
                ours,
                'query ($id: ID!) { session(id: $id) { seatsTaken } }',
                { id },
              );
              const expectedTaken = Math.min(sizes.burstSeats, wanted(id));
              if (unanswered === 0 && answer.data?.session?.seatsTaken !== expectedTaken) {
                problems.push(
                  `${MISMATCH}: ${id} has ${answer.data?.session?.seatsTaken} seats taken, ${expectedTaken} expected`,
                );
              }
            }
            return problems;
          },
        };
      },
    },
  ];
}
