import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { registerAndPay } from '../harness/journey';
import { errorCode, signUpLearner } from '../harness/learners';

/* Issue 9 section 3: approved lecture-type courses (经认可的讲座类课程), whose hours and fee a notice sets. */

const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const CREATE = `mutation ($input: NoticeCourseInput!) {
  createSjtuCourse(input: $input) { id title category hours days feeFen year notice { title url } }
}`;
const OPEN = `mutation ($input: OpenSessionInput!) { openSjtuSession(input: $input) { id } }`;
const COURSE = `query ($id: ID!) { course(id: $id) { title category hours feeFen notice { title } sessions { id } } }`;

const ETHICS = {
  year: 2021,
  title: '经认可的讲座：工程伦理与安全',
  hours: 3,
  days: 1,
  feeFen: 6000,
  noticeTitle: '关于开展2021年工程伦理专题讲座的通知',
  noticeUrl: 'https://www.example.org.cn/notices/2021-ethics',
};

interface Created {
  createSjtuCourse: {
    id: string;
    category: string;
    hours: number;
    days: number;
    feeFen: number;
    notice: { title: string } | null;
  };
}

describe('courses per notice: created by the registrar, then booked, paid and credited like the plan’s', () => {
  let graph: TestGraph;
  let courseId = '';
  const create = (input: object, caller?: Caller) => graph.execute<Created>(CREATE, { input }, caller);
  const open = (courseIdToOpen: string, first: string, last: string) =>
    graph.execute<{ openSjtuSession: { id: string } }>(
      OPEN,
      {
        input: {
          courseId: courseIdToOpen,
          startsAt: `${first}T13:30:00+08:00`,
          endsAt: `${last}T16:30:00+08:00`,
          deliveryMode: 'LIVE_ONLINE',
          capacity: 100,
          registrationOpensAt: '2021-03-01T10:00:00+08:00',
        },
      },
      SJTU_STAFF,
    );

  beforeAll(async () => {
    graph = await startTestGraph({ startAt: '2021-03-15T10:00:00+08:00' });
  });
  afterAll(() => graph?.close());

  it('lets the registrar alone create one, refusing bad fields', async () => {
    expect(errorCode(await create(ETHICS))).toBe('UNAUTHENTICATED');
    expect(errorCode(await create(ETHICS, SJTU_STAFF))).toBe('FORBIDDEN');
    expect(errorCode(await create(ETHICS, (await signUpLearner(graph)).caller))).toBe('FORBIDDEN');
    const refusals: [object, string][] = [
      [{ hours: 0.001 }, 'hours'],
      [{ hours: 0 }, 'hours'],
      [{ hours: 9, days: 1 }, 'hours'],
      [{ days: 0 }, 'days'],
      [{ feeFen: -100 }, 'feeFen'],
      [{ year: 2030 }, 'year'],
      [{ title: '<b>讲座</b>' }, 'title'],
      [{ noticeTitle: '' }, 'noticeTitle'],
      [{ noticeUrl: 'javascript:alert(1)' }, 'noticeUrl'],
    ];
    for (const [change, field] of refusals) {
      const refused = await create({ ...ETHICS, ...change }, REGISTRAR);
      expect(refused.errors?.[0]?.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const created = await create(ETHICS, REGISTRAR);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createSjtuCourse).toMatchObject({
      category: 'REQUIRED',
      hours: 3,
      days: 1,
      feeFen: 6000,
      year: 2021,
      notice: { title: ETHICS.noticeTitle, url: ETHICS.noticeUrl },
    });
    courseId = created.data?.createSjtuCourse.id ?? '';
    expect(courseId).toMatch(/^sjtu:course:2021-notice-/);
  });

  it('keeps the course’s days when its sessions open: one working day here', async () => {
    const twoDays = await open(courseId, '2021-04-20', '2021-04-21');
    expect(twoDays.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    const sunday = await open(courseId, '2021-04-18', '2021-04-18');
    expect(sunday.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    const opened = await open(courseId, '2021-04-20', '2021-04-20');
    expect(opened.errors).toBeUndefined();
    const listed = await graph.execute<{ course: { notice: { title: string }; sessions: { id: string }[] } }>(COURSE, {
      id: courseId,
    });
    expect(listed.data?.course).toMatchObject({
      category: 'REQUIRED',
      hours: 3,
      feeFen: 6000,
      notice: { title: ETHICS.noticeTitle },
    });
    expect(listed.data?.course.sessions.map((session) => session.id)).toEqual([opened.data?.openSjtuSession.id]);
  });

  it('is booked at its notice’s fee and credits its notice’s hours as required', async () => {
    const listed = await graph.execute<{ course: { sessions: { id: string }[] } }>(COURSE, { id: courseId });
    const sessionId = listed.data?.course.sessions[0]?.id ?? '';
    const learner = await signUpLearner(graph);
    const registrationId = await registerAndPay(graph, learner, sessionId);
    const registration = await graph.execute<{ me: { registrations: { id: string; feeFen: number; hours: number }[] } }>(
      '{ me { registrations { id feeFen hours } } }',
      {},
      learner.caller,
    );
    expect(registration.data?.me.registrations).toEqual([{ id: registrationId, feeFen: 6000, hours: 3 }]);

    graph.clock.set('2021-04-21T09:00:00+08:00');
    const reported = await graph.execute<{
      reportOutcome: { status: string; creditEntry: { hours: number; visibleFrom: string } };
    }>(contractOperation('ReportOutcome'), { registrationId, attendedFully: true, examPassed: true }, SJTU_STAFF);
    expect(reported.data?.reportOutcome).toMatchObject({ status: 'COMPLETED', creditEntry: { hours: 3 } });
    graph.clock.set(`${reported.data?.reportOutcome.creditEntry.visibleFrom}T08:00:00+08:00`);
    const record = await graph.execute<{
      me: { creditEntries: { courseTitle: string; category: string; hours: number }[]; cycle: { requiredHours: number } };
    }>(contractOperation('MyRecord'), {}, learner.caller);
    expect(record.data?.me.creditEntries).toEqual([
      expect.objectContaining({ courseTitle: ETHICS.title, category: 'REQUIRED', hours: 3 }),
    ]);
    expect(record.data?.me.cycle.requiredHours).toBe(3);
  });
});
