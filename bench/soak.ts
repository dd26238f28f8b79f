// The soak's load and its report: a steady mix of what the graph's users do, sent through the gateway on
// a few keep-alive connections for a bounded time, every answer checked, and each service's metrics
// sampled throughout (memory, errors, latency, database statements still holding a connection).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { DEMO_LEARNER, DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { contractOperation } from '../tests/harness/contract';
import { parseMetrics, sample, summed } from '../tests/harness/metrics';
import type { Series } from '../tests/harness/metrics';
import { percentile } from './load';
import { benchSessionTimes, graphql, signUpLearners } from './workloads';
import type { GraphAnswer } from './workloads';

const CATALOGUE = contractOperation('Catalogue');
const MY_RECORD = contractOperation('MyRecord');
const SIGN_IN = contractOperation('SignIn');
const STAFF_SIGN_IN = contractOperation('StaffSignIn');
const REGISTER = contractOperation('Register');
const PAY = contractOperation('Pay');
const WITHDRAW = contractOperation('Withdraw');
const REPORT_COURSEWARE = `mutation ReportCoursewareCompletion($registrationId: ID!, $completedAt: DateTime!) {
  reportCoursewareCompletion(registrationId: $registrationId, completedAt: $completedAt) { id status creditEntry { hours } pendingCredit { hours } }
}`;
const OPEN_SESSION = 'mutation OpenSjtuSession($input: OpenSessionInput!) { openSjtuSession(input: $input) { id } }';
const REGISTRATION_STATUSES = 'query SoakRegistrations { me { registrations { id status } } }';

/** A service whose /metrics the soak samples. */
export type SoakService =
  | {
      name: string;
      /** http://127.0.0.1:<port>, where /metrics answers. */
      origin: string;
    }
  | {
      name: string;
      /** A process without /metrics (the embedded database server): only its resident memory is read. */
      pid: number;
    };

export interface SoakOptions {
  gatewayUrl: string;
  /** The registry's own GraphQL URL: learners sign up there, outside the gateway's sign-up limits. */
  registryUrl: string;
  services: readonly SoakService[];
  /** Load before measuring starts: plans made, pools and caches filled. */
  warmUpMs: number;
  /** Measured load after the warm-up. */
  durationMs: number;
  connections: number;
  /** Distinct learners whose record is read (besides the demo learner). */
  recordLearners: number;
  /** The system's "now" (a test graph's clock runs in 2021). */
  now: () => Date;
  sampleEveryMs: number;
  log: (line: string) => void;
}

export interface ServiceFigures {
  name: string;
  /** Resident memory, in MB: averaged over the first and last fifth of the measured time. */
  rssAfterWarmUpMb: number;
  rssAtEndMb: number;
  /** Growth from after the warm-up to the end, in per cent. */
  rssGrowthPercent: number;
  /** GraphQL operations the service answered with an error during the soak, warm-up included. */
  errors: number;
  operations: number;
  /** The service's own p95, from its latency histogram (interpolated within a bucket), in ms. */
  p95Ms: number;
  /** Database statements or transactions holding a connection before the load and once it stopped. */
  connectionsHeldAtStart: number | null;
  connectionsHeldAtEnd: number | null;
  /** Open file descriptors (sockets and files) before the load and once it stopped. */
  openFdsAtStart: number;
  openFdsAtEnd: number;
}

export interface SoakReport {
  seconds: number;
  requests: number;
  /** Requests answered wrongly or not at all, and counts that do not add up at the end. */
  errors: number;
  samples: string[];
  /** Client-side latencies per step, in ms. */
  steps: Record<string, { requests: number; p50Ms: number; p95Ms: number }>;
  /** What clients were told: registrations taken, paid, withdrawn (refunded), completed with credit. */
  told: { registered: number; paid: number; withdrawn: number; completed: number };
  services: ServiceFigures[];
}

type Metrics = Series[];

/** The latency histogram's buckets (upper bound in s → count), over every operation. */
function latencyBuckets(metrics: Metrics): Map<number, number> {
  const buckets = new Map<number, number>();
  for (const { name, labels, value } of metrics) {
    if (name !== 'graphql_request_duration_seconds_bucket') continue;
    const le = labels['le'] ?? '+Inf';
    const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + value);
  }
  return buckets;
}

/** The quantile of the observations between two histogram readings, as Prometheus's histogram_quantile. */
function histogramQuantile(before: Map<number, number>, after: Map<number, number>, quantile: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((bound) => (after.get(bound) ?? 0) - (before.get(bound) ?? 0));
  const total = counts.at(-1) ?? 0;
  if (total <= 0) return 0;
  const rank = quantile * total;
  let lower = 0;
  let below = 0;
  for (const [index, bound] of bounds.entries()) {
    const count = counts[index] ?? 0;
    if (count >= rank) {
      if (!Number.isFinite(bound)) return lower;
      return lower + ((bound - lower) * (rank - below)) / Math.max(count - below, 1);
    }
    lower = bound;
    below = count;
  }
  return lower;
}

async function readMetrics(service: SoakService): Promise<Metrics> {
  if ('pid' in service) {
    const status = await readFile(`/proc/${service.pid}/status`, 'utf8');
    const residentKb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
    if (!Number.isFinite(residentKb)) throw new Error(`${service.name}: no resident memory in /proc/${service.pid}/status`);
    return [{ name: 'process_resident_memory_bytes', labels: {}, value: residentKb * 1024 }];
  }
  const response = await fetch(`${service.origin}/metrics`);
  if (!response.ok) throw new Error(`${service.name} /metrics answered ${response.status}`);
  return parseMetrics(await response.text());
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Sends one GraphQL request on the soak's agent and gives its answer, or throws. */
function post(agent: Agent, url: URL, body: string, token: string | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        timeout: 30_000,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 30 s')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Catalogue answers compared without seat counts, which the soak's own registrations move. */
const withoutSeats = (data: unknown) => JSON.stringify(data, (key, value: unknown) => (key === 'seatsTaken' ? undefined : value));

/** Runs the soak against a running graph and reports it; throws only when the graph cannot be set up. */
export async function soak(options: SoakOptions): Promise<SoakReport> {
  const { gatewayUrl, registryUrl, log } = options;
  const year = options.now().getFullYear();

  // Who the load acts as, and what the unchanging answers are.
  const signIn = await graphql<{ signIn: { token: string } }>(gatewayUrl, SIGN_IN, {
    idNumber: DEMO_LEARNER.idNumber,
    password: DEMO_PASSWORD,
  });
  const demoToken = signIn.data?.signIn.token;
  if (!demoToken) throw new Error(`the demo learner could not sign in: ${JSON.stringify(signIn.errors)}`);
  const staffToken = async (username: string) => {
    const answer = await graphql<{ staffSignIn: { token: string } }>(gatewayUrl, STAFF_SIGN_IN, {
      username,
      password: DEMO_PASSWORD,
    });
    const token = answer.data?.staffSignIn.token;
    if (!token) throw new Error(`${username} could not sign in: ${JSON.stringify(answer.errors)}`);
    return token;
  };
  const sjtuStaff = await staffToken('sjtu-staff');
  const electiveStaff = await staffToken('elective-provider-staff');
  log(`signing up ${options.recordLearners} learners whose records are read`);
  const recordTokens = [demoToken, ...(await signUpLearners(registryUrl, options.recordLearners))];
  const expectedRecords = new Map<string, string>();
  for (const token of recordTokens) {
    const answer = await graphql(gatewayUrl, MY_RECORD, {}, token);
    if (!answer.data || answer.errors?.length) throw new Error(`MyRecord refused: ${JSON.stringify(answer.errors)}`);
    expectedRecords.set(token, JSON.stringify(answer.data));
  }
  const catalogue = await graphql(gatewayUrl, CATALOGUE, { year });
  if (!catalogue.data || catalogue.errors?.length) throw new Error(`Catalogue refused: ${JSON.stringify(catalogue.errors)}`);
  const expectedCatalogue = withoutSeats(catalogue.data);

  // Sessions the journeys register for: large, a month or more ahead, open since an hour ago. Opening
  // them changes the catalogue, so its reference is taken again once they exist.
  const courses = await graphql<{ institution: { profile: { courses: { id: string; days: number | null }[] } } }>(
    gatewayUrl,
    'query SoakCourses($year: Int!) { institution(code: "sjtu") { profile { courses(year: $year) { id days } } } }',
    { year },
  );
  const course = courses.data?.institution.profile.courses[0];
  if (!course?.days) throw new Error(`sjtu has no live course in ${year}`);
  const courseId = course.id;
  const now = options.now().getTime();
  const { startsAt, endsAt } = benchSessionTimes(options.now(), course.days);
  const sessions: string[] = [];
  for (let index = 0; index < 2; index += 1) {
    const opened = await graphql<{ openSjtuSession: { id: string } }>(
      gatewayUrl,
      OPEN_SESSION,
      {
        input: {
          courseId,
          startsAt,
          endsAt,
          deliveryMode: 'LIVE_ONLINE',
          capacity: 10_000,
          registrationOpensAt: new Date(now - 3_600_000).toISOString(),
        },
      },
      sjtuStaff,
    );
    const id = opened.data?.openSjtuSession.id;
    if (!id) throw new Error(`a soak session could not be opened: ${JSON.stringify(opened.errors)}`);
    sessions.push(id);
  }
  const electives = await graphql<{
    institution: { profile: { courses: { sessions: { id: string; deliveryMode: string }[] }[] } };
  }>(
    gatewayUrl,
    'query SoakCourseware($year: Int!) { institution(code: "elective-provider") { profile { courses(year: $year) { sessions { id deliveryMode } } } } }',
    { year },
  );
  const courseware = (electives.data?.institution.profile.courses ?? [])
    .flatMap((course) => course.sessions)
    .filter((session) => session.deliveryMode === 'ONLINE_COURSEWARE')
    .map((session) => session.id);
  if (courseware.length === 0) throw new Error(`the elective provider sells no courseware in ${year}`);
  // The gateway may keep an anonymous catalogue for a moment (ADR 0024): the reference is the first with the sessions.
  let expectedCatalogueNow = expectedCatalogue;
  for (let attempt = 0; expectedCatalogueNow === expectedCatalogue; attempt += 1) {
    if (attempt === 50) throw new Error('the soak sessions are missing from the catalogue');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expectedCatalogueNow = withoutSeats((await graphql(gatewayUrl, CATALOGUE, { year })).data);
  }

  // Learners who register, pay and withdraw (any number of times), and who each finish each courseware once.
  const journeyLearners = await signUpLearners(registryUrl, options.connections * 2);
  const idle = [...journeyLearners];
  /** Learners with courseware still to finish, one step at a time each: at most one unpaid hold apiece. */
  const coursewareLearners: { token: string; toFinish: string[] }[] = [];
  const told = { registered: 0, paid: 0, withdrawn: 0, completed: 0 };
  const toldPerLearner = new Map<string, { withdrawn: number; completed: number }>();
  const tally = (token: string, what: 'withdrawn' | 'completed') => {
    const entry = toldPerLearner.get(token) ?? { withdrawn: 0, completed: 0 };
    entry[what] += 1;
    toldPerLearner.set(token, entry);
  };

  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(gatewayUrl);
  const problems: string[] = [];
  const latencies = new Map<string, number[]>();
  let measuring = false;

  /** Sends one step's request; its answer's data, or null (and a problem) when it is wrong. */
  const send = async <Data>(
    step: string,
    query: string,
    variables: Record<string, unknown>,
    token: string | undefined,
    check: (data: Data) => string | null,
  ): Promise<Data | null> => {
    const sentAt = performance.now();
    let problem: string | null;
    let data: Data | null = null;
    try {
      const { status, text } = await post(agent, url, JSON.stringify({ query, variables }), token);
      const answer = JSON.parse(text) as GraphAnswer<Data>;
      if (status !== 200 || answer.errors?.length || !answer.data) {
        problem = `${step}: HTTP ${status} ${text.slice(0, 300)}`;
      } else {
        data = answer.data;
        problem = check(data);
      }
    } catch (error) {
      problem = `${step}: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (measuring) {
      const list = latencies.get(step) ?? [];
      list.push(performance.now() - sentAt);
      latencies.set(step, list);
    }
    if (problem) problems.push(problem);
    return problem ? null : data;
  };

  const readCatalogue = () =>
    send('Catalogue', CATALOGUE, { year }, undefined, (data) =>
      withoutSeats(data) === expectedCatalogueNow ? null : `Catalogue: a different answer than at the start`,
    );
  let nextRecord = 0;
  const readRecord = () => {
    const token = recordTokens[nextRecord++ % recordTokens.length] ?? demoToken;
    return send('MyRecord', MY_RECORD, {}, token, (data) =>
      JSON.stringify(data) === expectedRecords.get(token) ? null : 'MyRecord: a different record than at the start',
    );
  };
  /** Registers, pays and withdraws one idle learner; the refund is the whole fee. */
  const journey = async () => {
    const token = idle.shift();
    if (!token) return readRecord();
    try {
      const sessionId = sessions[told.registered % sessions.length];
      const registered = await send<{ register: { id: string; status: string; feeFen: number } }>(
        'Register',
        REGISTER,
        { sessionId },
        token,
        (data) => (data.register.status === 'AWAITING_PAYMENT' ? null : `Register: ${data.register.status}`),
      );
      if (!registered) return;
      told.registered += 1;
      const { id, feeFen } = registered.register;
      const paid = await send<{ pay: { status: string; registration: { status: string } } }>(
        'Pay',
        PAY,
        { registrationId: id, idempotencyKey: `soak-${randomUUID()}` },
        token,
        (data) =>
          data.pay.status === 'SUCCEEDED' && data.pay.registration.status === 'PAID' ? null : `Pay: ${JSON.stringify(data)}`,
      );
      if (!paid) return;
      told.paid += 1;
      const withdrawn = await send<{ withdraw: { status: string; refundFen: number } }>(
        'Withdraw',
        WITHDRAW,
        { registrationId: id },
        token,
        (data) =>
          data.withdraw.status === 'WITHDRAWN' && data.withdraw.refundFen === feeFen ? null : `Withdraw: ${JSON.stringify(data)}`,
      );
      if (!withdrawn) return;
      told.withdrawn += 1;
      tally(token, 'withdrawn');
    } finally {
      idle.push(token);
    }
  };
  /** A learner buys a courseware and pays; the elective provider's staff report it finished: credit earned. */
  const finishCourseware = async () => {
    let learner = coursewareLearners.shift();
    if (!learner) {
      const [token] = await signUpLearners(registryUrl, 1);
      learner = { token: token ?? '', toFinish: [...courseware] };
    }
    try {
      await finishOne(learner.token, learner.toFinish.shift());
    } finally {
      if (learner.toFinish.length > 0) coursewareLearners.push(learner);
    }
  };
  const finishOne = async (token: string, sessionId: string | undefined) => {
    const next = { token, sessionId };
    const registered = await send<{ register: { id: string; status: string } }>(
      'Register',
      REGISTER,
      { sessionId: next.sessionId },
      next.token,
      (data) => (data.register.status === 'AWAITING_PAYMENT' ? null : `Register: ${data.register.status}`),
    );
    if (!registered) return;
    told.registered += 1;
    const registrationId = registered.register.id;
    const paid = await send<{ pay: { status: string } }>(
      'Pay',
      PAY,
      { registrationId, idempotencyKey: `soak-${randomUUID()}` },
      next.token,
      (data) => (data.pay.status === 'SUCCEEDED' ? null : `Pay: ${JSON.stringify(data)}`),
    );
    if (!paid) return;
    told.paid += 1;
    const reported = await send<{
      reportCoursewareCompletion: {
        status: string;
        creditEntry: { hours: number } | null;
        pendingCredit: { hours: number } | null;
      };
    }>(
      'ReportCoursewareCompletion',
      REPORT_COURSEWARE,
      { registrationId, completedAt: options.now().toISOString() },
      electiveStaff,
      (data) =>
        // Credit is dated, or pending while its visible day needs next year's calendar (late December).
        data.reportCoursewareCompletion.status === 'COMPLETED' &&
        (data.reportCoursewareCompletion.creditEntry ?? data.reportCoursewareCompletion.pendingCredit)
          ? null
          : `ReportCoursewareCompletion: ${JSON.stringify(data)}`,
    );
    if (!reported) return;
    told.completed += 1;
    tally(next.token, 'completed');
  };

  // One round of the mix: reads outnumber writes, as on the platform.
  const mix = [readCatalogue, readRecord, readCatalogue, readRecord, journey, readRecord, readCatalogue, finishCourseware];

  const samples = new Map<string, Metrics[]>(options.services.map((service) => [service.name, []]));
  const sampleAll = async () =>
    Promise.all(
      options.services.map(async (service) => {
        try {
          samples.get(service.name)?.push(await readMetrics(service));
        } catch (error) {
          problems.push(`${service.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
  const atStart = new Map(
    await Promise.all(options.services.map(async (service) => [service.name, await readMetrics(service)] as const)),
  );

  const warmUpEnds = performance.now() + options.warmUpMs;
  const deadline = warmUpEnds + options.durationMs;
  let measuredFrom = warmUpEnds;
  let afterWarmUp: Map<string, Metrics> | undefined;
  const sampler = (async () => {
    while (performance.now() < deadline) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(options.sampleEveryMs, Math.max(deadline - performance.now(), 1))),
      );
      if (!measuring) continue;
      await sampleAll();
    }
  })();
  const connection = async (offset: number) => {
    for (let step = offset; performance.now() < deadline; step += 1) {
      if (!measuring && performance.now() >= warmUpEnds) {
        measuring = true;
        measuredFrom = performance.now();
        afterWarmUp = new Map(
          await Promise.all(options.services.map(async (service) => [service.name, await readMetrics(service)] as const)),
        );
        log('warm-up over: measuring');
      }
      await (mix[step % mix.length] ?? readCatalogue)();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_unused, index) => connection(index)));
  await sampler;
  agent.destroy();
  const seconds = (performance.now() - measuredFrom) / 1000;

  // What every learner's record shows must be what they were told, one registration at a time.
  for (const [token, expected] of toldPerLearner) {
    const answer = await graphql<{ me: { registrations: { status: string }[] } }>(gatewayUrl, REGISTRATION_STATUSES, {}, token);
    const statuses = answer.data?.me.registrations.map((registration) => registration.status) ?? [];
    const withdrawn = statuses.filter((status) => status === 'WITHDRAWN').length;
    const completed = statuses.filter((status) => status === 'COMPLETED').length;
    if (withdrawn !== expected.withdrawn || completed !== expected.completed) {
      problems.push(
        `a learner holds ${withdrawn} withdrawn and ${completed} completed registrations; told ${expected.withdrawn} and ${expected.completed}`,
      );
    }
  }
  // Statements still running once the load has stopped would be connections never given back.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const atEnd = new Map(
    await Promise.all(options.services.map(async (service) => [service.name, await readMetrics(service)] as const)),
  );

  const services = options.services.map((service): ServiceFigures => {
    const start = atStart.get(service.name) ?? [];
    const warm = afterWarmUp?.get(service.name) ?? start;
    const end = atEnd.get(service.name) ?? [];
    const taken = samples.get(service.name) ?? [];
    const fifth = Math.max(1, Math.floor(taken.length / 5));
    const rss = taken.map((metrics) => summed(metrics, 'process_resident_memory_bytes') / 1_048_576);
    const rssAfterWarmUpMb = mean(rss.slice(0, fifth));
    const rssAtEndMb = mean(rss.slice(-fifth));
    const isError = (labels: Record<string, string>) => labels['outcome'] !== 'ok';
    const hasDatabase = sample(start, 'db_statements_in_flight', { service: service.name }) !== undefined;
    return {
      name: service.name,
      rssAfterWarmUpMb,
      rssAtEndMb,
      rssGrowthPercent: rssAfterWarmUpMb > 0 ? ((rssAtEndMb - rssAfterWarmUpMb) / rssAfterWarmUpMb) * 100 : 0,
      errors: summed(end, 'graphql_requests_total', isError) - summed(start, 'graphql_requests_total', isError),
      operations: summed(end, 'graphql_requests_total') - summed(start, 'graphql_requests_total'),
      p95Ms: histogramQuantile(latencyBuckets(warm), latencyBuckets(end), 0.95) * 1000,
      connectionsHeldAtStart: hasDatabase ? summed(start, 'db_statements_in_flight') : null,
      connectionsHeldAtEnd: hasDatabase ? summed(end, 'db_statements_in_flight') : null,
      openFdsAtStart: summed(start, 'process_open_fds'),
      openFdsAtEnd: summed(end, 'process_open_fds'),
    };
  });
  const steps = Object.fromEntries(
    [...latencies].map(([step, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return [step, { requests: sorted.length, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) }];
    }),
  );
  return {
    seconds,
    requests: [...latencies.values()].reduce((total, list) => total + list.length, 0),
    errors: problems.length,
    samples: problems.slice(0, 10),
    steps,
    told,
    services,
  };
}

/** The soak's goals: what it missed, or nothing. */
export function missedGoals(report: SoakReport, maxGrowthPercent: number): string[] {
  const missed: string[] = [];
  if (report.errors > 0) missed.push(`${report.errors} requests answered wrongly or not at all`);
  for (const service of report.services) {
    if (service.rssGrowthPercent >= maxGrowthPercent) {
      missed.push(`${service.name}: memory grew ${service.rssGrowthPercent.toFixed(1)} % after the warm-up`);
    }
    if (service.errors > 0) missed.push(`${service.name}: ${service.errors} operations answered with an error`);
    const leaked = (service.connectionsHeldAtEnd ?? 0) - (service.connectionsHeldAtStart ?? 0);
    if (leaked > 0) missed.push(`${service.name}: ${leaked} database connections still held after the load`);
  }
  return missed;
}
