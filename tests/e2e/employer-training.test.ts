import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '@xueshi/documents/testing';
import type { Caller } from '@xueshi/subgraph-kit';
import { contractOperation } from '../harness/contract';
import { randomIdNumber } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';

/*
 * Issue 9 item 1: employers run a required course themselves (单位自行组织面授培训). They file the 需求表 at
 * least a month ahead, the association assigns the teacher, and the session it opens admits only the
 * staff the employer lists, never a learner who merely types the employer's name.
 */

const EMPLOYER_SIGN_UP = contractOperation('EmployerSignUp');
const EMPLOYER_SIGN_IN = contractOperation('EmployerSignIn');
const FILE_TRAINING_REQUEST = contractOperation('FileTrainingRequest');
const SCHEDULE_TRAINING_REQUEST = contractOperation('ScheduleTrainingRequest');
const DECLINE = /* GraphQL */ `
  mutation ($requestId: ID!, $reason: String!) {
    declineTrainingRequest(requestId: $requestId, reason: $reason) {
      id
      status
      declineReason
    }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation ($requestId: ID!) {
    withdrawTrainingRequest(requestId: $requestId) {
      id
      status
    }
  }
`;
const MINE = /* GraphQL */ `
  {
    myTrainingRequests {
      id
      status
      employer {
        creditCode
        name
      }
      courseTitle
      lastDay
      declineReason
    }
  }
`;
const ONE = /* GraphQL */ `
  query ($id: ID!) {
    trainingRequest(id: $id) {
      id
      status
    }
  }
`;
const SET_STAFF = /* GraphQL */ `
  mutation ($idNumbers: [String!]!) {
    setEmployerStaff(idNumbers: $idNumbers) {
      creditCode
      staffCount
    }
  }
`;
const SESSION = /* GraphQL */ `
  query ($id: ID!) {
    session(id: $id) {
      id
      deliveryMode
      firstDay
      lastDay
      venue
      capacity
      restrictedToEmployer
      employerCreditCode
      course {
        id
        hours
        institution {
          code
        }
      }
    }
  }
`;
const REGISTER = /* GraphQL */ `
  mutation ($sessionId: ID!) {
    register(sessionId: $sessionId) {
      id
      status
    }
  }
`;

const ASSOCIATION_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'association-staff', institution: 'association' };
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const SJTU_COURSE = 'sjtu:course:2021-data';
const ASSOCIATION_COURSE = 'association:course:2021-ip';
const PASSWORD = 'employer password 1';

// Two employers with valid GB 32100 check characters.
const ELECTRIC = { creditCode: '91310115MA1H7DKQ0N', name: '上海测试电气有限公司' };
const OTHER = { creditCode: '91310104MA1FR2XY5X', name: '上海另一家科技有限公司' };

let graph: TestGraph;
const employerCaller = (creditCode: string): Caller => ({ role: 'EMPLOYER', subject: creditCode });
const requestInput = (overrides: Record<string, unknown> = {}) => ({
  courseId: SJTU_COURSE,
  firstDay: '2021-04-15',
  headcount: 40,
  venue: '上海市闵行区测试路 1 号 职工培训中心',
  contactName: '王芳',
  contactMobile: '13700001111',
  ...overrides,
});
const file = (creditCode: string, overrides: Record<string, unknown> = {}) =>
  graph.execute<{ fileTrainingRequest: { id: string; status: string; firstDay: string; course: { id: string; title: string } } }>(
    FILE_TRAINING_REQUEST,
    { input: requestInput(overrides) },
    employerCaller(creditCode),
  );
const requestsTable = () => graph.subgraph('association').database.raw.query('select * from training_requests order by id');

async function refusedWithoutChange(call: () => Promise<GraphResult<unknown>>): Promise<GraphResult<unknown>> {
  const before = JSON.stringify(await requestsTable());
  const result = await call();
  expect(result.errors?.length, JSON.stringify(result.data)).toBeGreaterThan(0);
  expect(JSON.stringify(await requestsTable())).toBe(before);
  return result;
}

async function signUpEmployer(employer: { creditCode: string; name: string }): Promise<string> {
  const result = await graph.execute<{
    employerSignUp: { token: string; employer: { id: string; name: string; creditCode: string } };
  }>(EMPLOYER_SIGN_UP, { input: { ...employer, contactName: '李强', contactMobile: '13600002222', password: PASSWORD } });
  expect(result.errors).toBeUndefined();
  expect(result.data?.employerSignUp.employer).toEqual({ id: employer.creditCode, ...employer });
  return result.data?.employerSignUp.token ?? '';
}

/*
 * Embedded, the graph's services share one database as `pnpm start` runs them (ADR 0037): scheduling
 * has the course's institution open a session, which must never wait on a lock the association holds.
 */
beforeAll(async () => {
  // A month end: filed today, the earliest first day is 2021-02-28.
  graph = await startTestGraph({ startAt: '2021-01-31T10:00:00+08:00', sharedEmbeddedDatabase: true });
});
afterAll(async () => {
  await graph?.close();
});

describe('employer accounts', () => {
  it('signs an employer up with a valid credit code and in again with the contract operations', async () => {
    const token = await signUpEmployer(ELECTRIC);
    const signedIn = await graph.execute<{ employerSignIn: { token: string } }>(EMPLOYER_SIGN_IN, {
      creditCode: ELECTRIC.creditCode.toLowerCase(),
      password: PASSWORD,
    });
    expect(signedIn.data?.employerSignIn.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const me = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ currentEmployer { creditCode name contactName } }' }),
    });
    expect(await me.json()).toEqual({
      data: { currentEmployer: { creditCode: ELECTRIC.creditCode, name: ELECTRIC.name, contactName: '李强' } },
    });
    await signUpEmployer(OTHER);
  });

  it('refuses a credit code with a wrong check character, and a code that already has an account', async () => {
    const wrongCheck = await graph.execute(EMPLOYER_SIGN_UP, {
      input: {
        creditCode: '91310115MA1H7DKQ0A',
        name: '上海某公司',
        contactName: '李强',
        contactMobile: '13600002222',
        password: PASSWORD,
      },
    });
    expect(errorCode(wrongCheck)).toBe('BAD_USER_INPUT');
    expect(wrongCheck.errors?.[0]?.extensions).toMatchObject({
      field: 'creditCode',
      zh: expect.any(String),
      en: expect.any(String),
    });
    const taken = await graph.execute(EMPLOYER_SIGN_UP, {
      input: { ...ELECTRIC, contactName: '李强', contactMobile: '13600003333', password: PASSWORD },
    });
    expect(errorCode(taken)).toBe('CONFLICT');
  });

  it('limits failed sign-ins per credit code as it does for learners', async () => {
    const attempt = (password: string) => graph.execute(EMPLOYER_SIGN_IN, { creditCode: OTHER.creditCode, password });
    for (let i = 0; i < 5; i++) expect(errorCode(await attempt('wrong password'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await attempt(PASSWORD))).toBe('RATE_LIMITED');
  });
});

describe('filing a training request', () => {
  it('takes a first day one calendar month ahead at a month end, clamped (filed 2021-01-31: 2021-02-28)', async () => {
    const tooEarly = await refusedWithoutChange(() => file(ELECTRIC.creditCode, { firstDay: '2021-02-27' }));
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'firstDay',
      earliestFirstDay: '2021-02-28',
    });
    const filed = await file(ELECTRIC.creditCode, { firstDay: '2021-02-28', courseId: ASSOCIATION_COURSE });
    expect(filed.errors).toBeUndefined();
    expect(filed.data?.fileTrainingRequest).toMatchObject({
      status: 'SUBMITTED',
      firstDay: '2021-02-28',
      course: { id: ASSOCIATION_COURSE, title: '知识产权基础' },
    });
  });

  it('counts the month from the day in Asia/Shanghai (filed 2021-03-15 at 00:30: 2021-04-15)', async () => {
    graph.clock.set('2021-03-15T00:30:00+08:00');
    const tooEarly = await refusedWithoutChange(() => file(ELECTRIC.creditCode, { firstDay: '2021-04-14' }));
    expect(tooEarly.errors?.[0]?.extensions?.['earliestFirstDay']).toBe('2021-04-15');
    const filed = await file(ELECTRIC.creditCode, { firstDay: '2021-04-15' });
    expect(filed.errors).toBeUndefined();
    expect(filed.data?.fileTrainingRequest.course).toEqual({ id: SJTU_COURSE, title: '数据分析基础' });
  });

  it('refuses bad input with typed bilingual errors and changes nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ headcount: 0 }, 'BAD_USER_INPUT', 'headcount'],
      [{ contactMobile: '12345' }, 'BAD_USER_INPUT', 'contactMobile'],
      [{ venue: '<script>' }, 'BAD_USER_INPUT', 'venue'],
      [{ courseId: 'elective-provider:course:2021-ethics' }, 'BAD_USER_INPUT', 'courseId'],
      [{ firstDay: '2022-05-10' }, 'BAD_USER_INPUT', 'courseId'],
    ];
    for (const [overrides, code, field] of cases) {
      const result = await refusedWithoutChange(() => file(ELECTRIC.creditCode, overrides));
      expect(result.errors?.[0]?.extensions, JSON.stringify(overrides)).toMatchObject({ code, field });
      expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff].*\(.*[a-z].*\)/);
    }
    expect(errorCode(await refusedWithoutChange(() => file(ELECTRIC.creditCode, { courseId: 'sjtu:course:2021-none' })))).toBe(
      'NOT_FOUND',
    );
  });

  it('takes requests from employers only', async () => {
    const learner = await signUpLearner(graph);
    expect(
      errorCode(
        await refusedWithoutChange(() => graph.execute(FILE_TRAINING_REQUEST, { input: requestInput() }, learner.caller)),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await refusedWithoutChange(() => graph.execute(FILE_TRAINING_REQUEST, { input: requestInput() })))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('shows an employer its own requests only', async () => {
    const other = await file(OTHER.creditCode, { firstDay: '2021-05-10' });
    const otherId = other.data?.fileTrainingRequest.id ?? '';
    const mine = await graph.execute<{
      myTrainingRequests: { id: string; employer: { creditCode: string; name: string }; lastDay: string }[];
    }>(MINE, {}, employerCaller(ELECTRIC.creditCode));
    expect(mine.data?.myTrainingRequests).toHaveLength(2);
    expect(mine.data?.myTrainingRequests.map((request) => request.employer)).toEqual([ELECTRIC, ELECTRIC]);
    expect(mine.data?.myTrainingRequests[0]?.lastDay).toBe('2021-04-16');
    const peek = await graph.execute<{ trainingRequest: unknown }>(ONE, { id: otherId }, employerCaller(ELECTRIC.creditCode));
    expect(peek.data?.trainingRequest).toBeNull();
    expect(
      errorCode(
        await refusedWithoutChange(() => graph.execute(WITHDRAW, { requestId: otherId }, employerCaller(ELECTRIC.creditCode))),
      ),
    ).toBe('NOT_FOUND');
    const staffView = await graph.execute<{ trainingRequest: { id: string } }>(ONE, { id: otherId }, ASSOCIATION_STAFF);
    expect(staffView.data?.trainingRequest.id).toBe(otherId);
    expect(errorCode(await graph.execute(ONE, { id: otherId }, SJTU_STAFF))).toBe('FORBIDDEN');
    expect(errorCode(await graph.execute('{ trainingRequests { id } }', {}, employerCaller(ELECTRIC.creditCode)))).toBe(
      'FORBIDDEN',
    );
  });

  it("shows an employer's contact to the employer itself and the registrar only", async () => {
    const query = '{ trainingRequests { employer { creditCode name contactMobile } } }';
    const asStaff = await graph.execute<{ trainingRequests: { employer: { name: string; contactMobile: string | null } }[] }>(
      query,
      {},
      ASSOCIATION_STAFF,
    );
    expect(asStaff.data?.trainingRequests[0]?.employer).toEqual({
      creditCode: ELECTRIC.creditCode,
      name: ELECTRIC.name,
      contactMobile: null,
    });
    expect(errorCode(asStaff)).toBe('FORBIDDEN');
    const asRegistrar = await graph.execute<{ trainingRequests: { employer: { contactMobile: string } }[] }>(
      query,
      {},
      REGISTRAR,
    );
    expect(asRegistrar.errors).toBeUndefined();
    expect(asRegistrar.data?.trainingRequests[0]?.employer.contactMobile).toBe('13600002222');
  });
});

describe('deciding a training request', () => {
  it('keeps every other decision off a request while a scheduler has its session opened, until the claim goes stale', async () => {
    const filed = await file(ELECTRIC.creditCode, { firstDay: '2021-05-27', headcount: 2 });
    const requestId = filed.data?.fileTrainingRequest.id ?? '';
    // A scheduler whose owner has not answered yet: the claim the association sets before it asks.
    await graph
      .subgraph('association')
      .database.raw.query('update training_requests set scheduling_since = $1 where id = $2', [
        graph.clock.now().toISOString(),
        requestId,
      ]);
    const refusals = [
      () => graph.execute(DECLINE, { requestId, reason: '师资不足' }, ASSOCIATION_STAFF),
      () => graph.execute(WITHDRAW, { requestId }, employerCaller(ELECTRIC.creditCode)),
      () => graph.execute(SCHEDULE_TRAINING_REQUEST, { requestId, teacherName: '钱老师' }, ASSOCIATION_STAFF),
    ];
    for (const refused of refusals) expect(errorCode(await refusedWithoutChange(refused))).toBe('CONFLICT');
    // A claim left by a scheduler that never came back stops holding the request after two minutes.
    graph.clock.advance(121_000);
    const scheduled = await graph.execute<{ scheduleTrainingRequest: { status: string } }>(
      SCHEDULE_TRAINING_REQUEST,
      { requestId, teacherName: '钱老师' },
      ASSOCIATION_STAFF,
    );
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data?.scheduleTrainingRequest.status).toBe('SCHEDULED');
    const [row] = (await requestsTable()).filter((request) => request['id'] === requestId);
    expect(row?.['scheduling_since']).toBeNull();
  });

  it("schedules: the teacher assigned, an employer-only FACE_TO_FACE session opened at the course's institution", async () => {
    const filed = await file(ELECTRIC.creditCode, { firstDay: '2021-05-20', headcount: 2 });
    const requestId = filed.data?.fileTrainingRequest.id ?? '';
    for (const caller of [SJTU_STAFF, employerCaller(ELECTRIC.creditCode)]) {
      expect(
        errorCode(
          await refusedWithoutChange(() =>
            graph.execute(SCHEDULE_TRAINING_REQUEST, { requestId, teacherName: '赵老师' }, caller),
          ),
        ),
      ).toBe('FORBIDDEN');
    }
    const scheduled = await graph.execute<{
      scheduleTrainingRequest: {
        id: string;
        status: string;
        teacherName: string;
        session: { id: string; deliveryMode: string; startsAt: string };
      };
    }>(SCHEDULE_TRAINING_REQUEST, { requestId, teacherName: '赵老师' }, ASSOCIATION_STAFF);
    expect(scheduled.errors).toBeUndefined();
    const { session } = scheduled.data?.scheduleTrainingRequest ?? { session: { id: '' } };
    expect(scheduled.data?.scheduleTrainingRequest).toMatchObject({
      id: requestId,
      status: 'SCHEDULED',
      teacherName: '赵老师',
      session: { deliveryMode: 'FACE_TO_FACE', startsAt: '2021-05-20T09:00:00+08:00' },
    });
    const opened = await graph.execute<{ session: Record<string, unknown> }>(SESSION, { id: session.id });
    expect(opened.data?.session).toMatchObject({
      deliveryMode: 'FACE_TO_FACE',
      firstDay: '2021-05-20',
      lastDay: '2021-05-21',
      venue: '上海市闵行区测试路 1 号 职工培训中心',
      capacity: 2,
      restrictedToEmployer: ELECTRIC.name,
      employerCreditCode: ELECTRIC.creditCode,
      course: { id: SJTU_COURSE, hours: 12, institution: { code: 'sjtu' } },
    });
    expect(
      errorCode(
        await refusedWithoutChange(() =>
          graph.execute(SCHEDULE_TRAINING_REQUEST, { requestId, teacherName: '钱老师' }, REGISTRAR),
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      errorCode(await refusedWithoutChange(() => graph.execute(WITHDRAW, { requestId }, employerCaller(ELECTRIC.creditCode)))),
    ).toBe('CONFLICT');

    // Only the ID numbers the employer lists register; typing its name at sign-up admits nobody.
    const listed = await signUpLearner(graph, { employer: '随便写的单位' });
    const stranger = await signUpLearner(graph, { employer: OTHER.name });
    const pretender = await signUpLearner(graph, { employer: ELECTRIC.name });
    const staffList = await graph.execute<{ setEmployerStaff: { staffCount: number } }>(
      SET_STAFF,
      { idNumbers: [listed.idNumber, randomIdNumber()] },
      employerCaller(ELECTRIC.creditCode),
    );
    expect(staffList.data?.setEmployerStaff.staffCount).toBe(2);
    await graph.execute(SET_STAFF, { idNumbers: [stranger.idNumber] }, employerCaller(OTHER.creditCode));
    for (const refused of [stranger, pretender]) {
      const result = await graph.execute(REGISTER, { sessionId: session.id }, refused.caller);
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.extensions?.['zh']).toContain('仅限该单位登记的职工');
    }
    const registered = await graph.execute<{ register: { status: string } }>(REGISTER, { sessionId: session.id }, listed.caller);
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.register.status).toBe('AWAITING_PAYMENT');
  });

  it('declines with a reason the employer sees, and then nothing more changes it', async () => {
    const filed = await file(ELECTRIC.creditCode, { firstDay: '2021-06-10' });
    const requestId = filed.data?.fileTrainingRequest.id ?? '';
    expect(
      errorCode(await refusedWithoutChange(() => graph.execute(DECLINE, { requestId, reason: ' ' }, ASSOCIATION_STAFF))),
    ).toBe('BAD_USER_INPUT');
    const declined = await graph.execute<{ declineTrainingRequest: { status: string; declineReason: string } }>(
      DECLINE,
      { requestId, reason: '该日期师资已满，请改期' },
      REGISTRAR,
    );
    expect(declined.data?.declineTrainingRequest).toMatchObject({ status: 'DECLINED', declineReason: '该日期师资已满，请改期' });
    const mine = await graph.execute<{ myTrainingRequests: { id: string; status: string; declineReason: string | null }[] }>(
      MINE,
      {},
      employerCaller(ELECTRIC.creditCode),
    );
    expect(mine.data?.myTrainingRequests.find((request) => request.id === requestId)).toMatchObject({
      status: 'DECLINED',
      declineReason: '该日期师资已满，请改期',
    });
    expect(
      errorCode(
        await refusedWithoutChange(() =>
          graph.execute(SCHEDULE_TRAINING_REQUEST, { requestId, teacherName: '赵老师' }, ASSOCIATION_STAFF),
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('lets the employer withdraw before scheduling, after which it cannot be scheduled', async () => {
    const filed = await file(ELECTRIC.creditCode, { firstDay: '2021-06-17' });
    const requestId = filed.data?.fileTrainingRequest.id ?? '';
    const withdrawn = await graph.execute<{ withdrawTrainingRequest: { status: string } }>(
      WITHDRAW,
      { requestId },
      employerCaller(ELECTRIC.creditCode),
    );
    expect(withdrawn.data?.withdrawTrainingRequest.status).toBe('WITHDRAWN');
    expect(
      errorCode(
        await refusedWithoutChange(() =>
          graph.execute(SCHEDULE_TRAINING_REQUEST, { requestId, teacherName: '赵老师' }, ASSOCIATION_STAFF),
        ),
      ),
    ).toBe('CONFLICT');
    const submitted = await graph.execute<{ trainingRequests: { id: string }[] }>(
      '{ trainingRequests(status: WITHDRAWN) { id } }',
      {},
      REGISTRAR,
    );
    expect(submitted.data?.trainingRequests.map((request) => request.id)).toEqual([requestId]);
  });

  it('no longer opens a session restricted by an employer name typed by staff', async () => {
    const result = await graph.execute(
      `mutation ($input: OpenSessionInput!) { openSjtuSession(input: $input) { id } }`,
      {
        input: {
          courseId: SJTU_COURSE,
          startsAt: '2021-07-01T09:00:00+08:00',
          endsAt: '2021-07-02T16:30:00+08:00',
          deliveryMode: 'LIVE_ONLINE',
          registrationOpensAt: '2021-06-01T09:00:00+08:00',
          restrictedToEmployer: ELECTRIC.name,
        },
      },
      SJTU_STAFF,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'restrictedToEmployer' });
  });
});

describe("the request's documents", () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
  let requestId = '';
  let formUrl = '';
  const gatewayOrigin = () => new URL(graph.gatewayUrl).origin;
  const download = async (path: string, caller?: Caller) =>
    fetch(`${gatewayOrigin()}${path}`, {
      headers: caller ? { authorization: `Bearer ${await graph.tokenFor(caller)}` } : {},
    });
  const upload = async (body: Buffer, contentType: string, caller: Caller = employerCaller(ELECTRIC.creditCode)) =>
    fetch(`${gatewayOrigin()}/documents/training-requests/${requestId}/scan`, {
      method: 'PUT',
      headers: { 'content-type': contentType, authorization: `Bearer ${await graph.tokenFor(caller)}` },
      body: new Uint8Array(body),
    });
  const scans = () =>
    graph
      .subgraph('association')
      .database.raw.query('select request_id, content_type, size from training_request_scans order by 1');

  beforeAll(async () => {
    const filed = await file(ELECTRIC.creditCode, { firstDay: '2021-07-15' });
    requestId = filed.data?.fileTrainingRequest.id ?? '';
    const mine = await graph.execute<{ myTrainingRequests: { id: string; formUrl: string }[] }>(
      '{ myTrainingRequests { id formUrl } }',
      {},
      employerCaller(ELECTRIC.creditCode),
    );
    formUrl = mine.data?.myTrainingRequests.find((request) => request.id === requestId)?.formUrl ?? '';
  });

  it('prints the pre-filled 需求表 as PDF for the employer and the association, nobody else', async () => {
    expect(formUrl).toBe(`/documents/training-requests/${requestId}/form.pdf`);
    const response = await download(formUrl, employerCaller(ELECTRIC.creditCode));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const lines = (await pdfText(Buffer.from(await response.arrayBuffer()))).pages.flat();
    expect(lines[0]).toBe('公需科目继续教育培训需求表');
    expect(lines).toContain(`单位名称 ${ELECTRIC.name}`);
    expect(lines).toContain(`统一社会信用代码 ${ELECTRIC.creditCode}`);
    expect(lines).toContain('培训课程 数据分析基础（必修，12 学时）');
    expect(lines).toContain('课程实施机构 上海交通大学');
    expect(lines).toContain('培训日期 2021-07-15 至 2021-07-16');
    expect((await download(formUrl, ASSOCIATION_STAFF)).status).toBe(200);
    expect((await download(formUrl, employerCaller(OTHER.creditCode))).status).toBe(404);
    expect((await download(formUrl, SJTU_STAFF)).status).toBe(403);
    expect((await download(formUrl)).status).toBe(401);
    expect((await download('/documents/training-requests/../invoices/x/form.pdf', ASSOCIATION_STAFF)).status).toBe(404);
  });

  it('refuses a scan that is not what it claims to be, too large, or not from the employer, changing nothing', async () => {
    const before = JSON.stringify(await scans());
    const refusals: [Buffer, string, Caller | undefined, number][] = [
      [Buffer.from('PDF 1.7 but really a text file'), 'application/pdf', undefined, 400],
      [PNG, 'application/pdf', undefined, 400],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'image/png', undefined, 400],
      [PNG, 'image/png', employerCaller(OTHER.creditCode), 404],
      [PNG, 'image/png', ASSOCIATION_STAFF, 404],
    ];
    for (const [body, contentType, caller, status] of refusals) {
      const response = await upload(body, contentType, caller);
      const answer = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(response.status, contentType).toBe(status);
      expect(answer.errors[0]?.extensions).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
    // 5 MB and a byte reach the association, which says the scan is too large; more stops at the gateway.
    const justOver = await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 1 - PNG.length)]), 'image/png');
    expect(justOver.status).toBe(400);
    expect(((await justOver.json()) as { errors: { extensions: { en: string } }[] }).errors[0]?.extensions.en).toContain('5 MB');
    const farOver = await upload(Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]), 'image/png');
    expect(farOver.status).toBe(413);
    expect(((await farOver.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0]).toEqual({
      message: '请求过大 (Request body too large)',
      extensions: { code: 'BAD_REQUEST', zh: '请求过大', en: 'Request body too large' },
    });
    expect(JSON.stringify(await scans())).toBe(before);
  });

  it('takes the stamped scan by its content and gives the association the same bytes', async () => {
    const response = await upload(PNG, 'image/png');
    expect(response.status).toBe(201);
    const seen = await graph.execute<{ trainingRequest: { stampedScan: { contentType: string; size: number; url: string } } }>(
      'query ($id: ID!) { trainingRequest(id: $id) { stampedScan { contentType size url } } }',
      { id: requestId },
      ASSOCIATION_STAFF,
    );
    expect(seen.data?.trainingRequest.stampedScan).toEqual({
      contentType: 'image/png',
      size: PNG.length,
      url: `/documents/training-requests/${requestId}/scan`,
    });
    const scan = await download(`/documents/training-requests/${requestId}/scan`, ASSOCIATION_STAFF);
    expect(scan.status).toBe(200);
    expect(scan.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await scan.arrayBuffer()).equals(PNG)).toBe(true);

    await graph.execute(SCHEDULE_TRAINING_REQUEST, { requestId, teacherName: '孙老师' }, ASSOCIATION_STAFF);
    const late = await upload(PNG, 'image/png');
    expect(late.status).toBe(409);
  });
});
