import { DEMO_PASSWORD } from '@xueshi/institutions/demo';
import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_DOCUMENT, contractOperation } from '../harness/contract';
import { insertSjtuSession, randomIdNumber } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { startHiveGateway } from '../harness/processes';
import type { ServiceProcess } from '../harness/processes';

/*
 * Issue 8 item 5: Hive Gateway, serving our committed supergraph unchanged (bench/hive.config.ts), is a
 * second engine for the same subgraphs. Every contract operation goes through it and gets the answer
 * ours gives (reads) or does what ours does (writes): the subgraphs decide who may do what.
 */

const ANALYST: Caller = { role: 'ANALYST', subject: 'analyst' };
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const ELECTRIC = { creditCode: '91310115MA1H7DKQ0N', name: '上海测试电气有限公司' };

/** Starting the whole graph can be slow on a machine other suites share. */
const GRAPH_START_TIMEOUT_MS = 300_000;

describe('the contract operations through Hive Gateway serving our supergraph', () => {
  let graph: TestGraph;
  let hive: ServiceProcess;
  const exercised = new Set<string>();

  /** Sends a contract operation through `url` (Hive's unless ours is given), with `token` when given. */
  const send = async <T>(
    name: string,
    variables: Record<string, unknown>,
    token?: string,
    url = hive.url,
  ): Promise<GraphResult<T>> => {
    exercised.add(name);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: contractOperation(name), variables }),
    });
    return (await response.json()) as GraphResult<T>;
  };
  /** The same read through Hive and through ours: both answers, Hive's first. */
  const bothEngines = async (name: string, variables: Record<string, unknown>, token?: string) =>
    Promise.all([send(name, variables, token), send(name, variables, token, graph.gatewayUrl)]);

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo' });
    hive = await startHiveGateway(
      Object.fromEntries([...graph.subgraphs.values()].map(({ name, port }) => [name, `http://127.0.0.1:${port}/graphql`])),
    );
  }, GRAPH_START_TIMEOUT_MS);
  afterAll(async () => {
    await hive?.stop();
    await graph?.close();
  });

  it('reads the catalogue as ours does', async () => {
    const [throughHive, throughOurs] = await bothEngines('Catalogue', { year: 2021 });
    expect(throughHive.errors).toBeUndefined();
    expect(throughHive).toEqual(throughOurs);
  });

  it('signs up, signs in, registers, pays, withdraws, reports an outcome and reads the record', async () => {
    const idNumber = randomIdNumber();
    const password = 'correct horse battery';
    const signedUp = await send<{ signUp: { token: string; learner: { id: string } } }>('SignUp', {
      input: { idNumber, name: '李明', password, mobile: '13912340000', employer: '上海测试科技有限公司' },
    });
    expect(signedUp.errors).toBeUndefined();
    const signedIn = await send<{ signIn: { token: string; learner: { id: string } } }>('SignIn', { idNumber, password });
    expect(signedIn.data?.signIn.learner.id).toBe(signedUp.data?.signUp.learner.id);
    const learnerToken = signedIn.data?.signIn.token;
    const staff = await send<{ staffSignIn: { token: string } }>('StaffSignIn', {
      username: 'sjtu-staff',
      password: DEMO_PASSWORD,
    });
    const staffToken = staff.data?.staffSignIn.token;
    expect(staffToken).toBeDefined();

    // One registration per course and year is active at a time: the first is withdrawn before the second.
    const sjtu = graph.subgraph('sjtu').database;
    const dropped = await insertSjtuSession(sjtu, { local: '2021-data-hive-dropped', capacity: 5, firstDay: '2021-03-25' });
    const kept = await insertSjtuSession(sjtu, { local: '2021-data-hive-kept', capacity: 5, firstDay: '2021-03-18' });
    const paid: string[] = [];
    for (const sessionId of [dropped, kept]) {
      const registered = await send<{ register: { id: string; status: string } }>('Register', { sessionId }, learnerToken);
      expect(registered.data?.register.status, JSON.stringify(registered.errors)).toBe('AWAITING_PAYMENT');
      const registrationId = registered.data?.register.id ?? '';
      const payment = await send<{ pay: { status: string } }>(
        'Pay',
        { registrationId, idempotencyKey: `hive-${registrationId}` },
        learnerToken,
      );
      expect(payment.data?.pay.status, JSON.stringify(payment.errors)).toBe('SUCCEEDED');
      paid.push(registrationId);
      if (sessionId === dropped) {
        const withdrawn = await send<{ withdraw: { status: string } }>('Withdraw', { registrationId }, learnerToken);
        expect(withdrawn.data?.withdraw.status).toBe('WITHDRAWN');
      }
    }

    // After the session's last day: the tokens above have expired, so both sign in again.
    graph.clock.set('2021-03-22T10:00:00+08:00');
    const outcome = await send<{ reportOutcome: { status: string; creditEntry: { hours: number } | null } }>(
      'ReportOutcome',
      { registrationId: paid[1], attendedFully: true, examPassed: true },
      await graph.tokenFor(SJTU_STAFF),
    );
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data?.reportOutcome.status).toBe('COMPLETED');

    const again = await send<{ signIn: { token: string } }>('SignIn', { idNumber, password });
    const [throughHive, throughOurs] = await bothEngines('MyRecord', { cycleStartYear: 2021 }, again.data?.signIn.token);
    expect(throughHive.errors).toBeUndefined();
    expect(throughHive).toEqual(throughOurs);
  });

  it('lets an employer sign up, sign in and file a training request the association schedules', async () => {
    const password = 'employer password 1';
    const signedUp = await send<{ employerSignUp: { token: string } }>('EmployerSignUp', {
      input: { ...ELECTRIC, contactName: '王芳', contactMobile: '13700001111', password },
    });
    expect(signedUp.errors).toBeUndefined();
    const signedIn = await send<{ employerSignIn: { token: string } }>('EmployerSignIn', {
      creditCode: ELECTRIC.creditCode,
      password,
    });
    const filed = await send<{ fileTrainingRequest: { id: string; status: string } }>(
      'FileTrainingRequest',
      {
        input: {
          courseId: 'sjtu:course:2021-data',
          firstDay: '2021-06-15',
          headcount: 40,
          venue: '上海市闵行区测试路 1 号 职工培训中心',
          contactName: '王芳',
          contactMobile: '13700001111',
        },
      },
      signedIn.data?.employerSignIn.token,
    );
    expect(filed.data?.fileTrainingRequest.status).toBe('SUBMITTED');
    const scheduled = await send<{ scheduleTrainingRequest: { status: string; session: { deliveryMode: string } } }>(
      'ScheduleTrainingRequest',
      { requestId: filed.data?.fileTrainingRequest.id, teacherName: '陈老师' },
      await graph.tokenFor(REGISTRAR),
    );
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data?.scheduleTrainingRequest).toMatchObject({
      status: 'SCHEDULED',
      session: { deliveryMode: 'FACE_TO_FACE' },
    });
  });

  it("gives analysts the registration facts ours gives, and refuses a learner's token as ours does", async () => {
    const variables = { year: 2021, groupBy: ['INSTITUTION', 'CATEGORY'] };
    const [throughHive, throughOurs] = await bothEngines('RegistrationFacts', variables, await graph.tokenFor(ANALYST));
    expect(throughHive.errors).toBeUndefined();
    expect(throughHive).toEqual(throughOurs);

    const learner = await graph.tokenFor({ role: 'LEARNER', subject: '00000000-0000-4000-8000-000000000000' });
    const [refusedByHive, refusedByOurs] = await bothEngines('RegistrationFacts', variables, learner);
    expect(refusedByHive.errors?.map((error) => error.extensions?.['code'])).toEqual(
      refusedByOurs.errors?.map((error) => error.extensions?.['code']),
    );
  });

  it('has exercised every contract operation', () => {
    const names = CONTRACT_DOCUMENT.definitions.flatMap((definition) =>
      definition.kind === 'OperationDefinition' && definition.name ? [definition.name.value] : [],
    );
    expect([...exercised].sort()).toEqual([...names].sort());
  });
});
