import type { CycleVerdict } from '@xueshi/domain';
import { pdfText } from '@xueshi/documents/testing';
import { DEMO_LEARNER, DEMO_PASSWORD } from '@xueshi/institutions/demo';
import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { expectRefusedWithoutChange, insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { registerAndPay } from '../harness/journey';
import { errorCode, signUpLearner } from '../harness/learners';

const REPORT_OUTCOME = contractOperation('ReportOutcome');
const MY_RECORD = contractOperation('MyRecord');
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const SHU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'shu-staff', institution: 'shu' };
const PROVIDER_STAFF: Caller = {
  role: 'INSTITUTION_STAFF',
  subject: 'elective-provider-staff',
  institution: 'elective-provider',
};
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };

interface Reported {
  reportOutcome: { id: string; status: string; creditEntry: { id: string; hours: number; visibleFrom: string } | null };
}
interface Record {
  me: {
    creditEntries: {
      id: string;
      courseTitle: string;
      institutionName: string;
      category: string;
      hours: number;
      completedOn: string;
      visibleFrom: string;
    }[];
    cycle: CycleVerdict;
  };
}

describe('from outcome to credit to verdict to transcript', () => {
  let graph: TestGraph;
  let september = '';
  let lateSeptember = '';

  const refusedWithoutChange = <T>(call: () => Promise<GraphResult<T>>) =>
    expectRefusedWithoutChange(graph.subgraph('registry').database, call);
  const report = (caller: Caller, registrationId: string, attendedFully = true, examPassed = true) =>
    graph.execute<Reported>(REPORT_OUTCOME, { registrationId, attendedFully, examPassed }, caller);

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo' });
    const sjtu = graph.subgraph('sjtu').database;
    // Thursday–Friday 16–17 September 2021, just before Mid-Autumn (19–21 Sep, Saturday 18 Sep worked).
    september = await insertSjtuSession(sjtu, { local: '2021-data-sep', firstDay: '2021-09-16', capacity: 100 });
    // Monday–Tuesday 27–28 September 2021, just before National Day (1–7 Oct, Saturday 9 Oct worked).
    lateSeptember = await insertSjtuSession(sjtu, { local: '2021-data-latesep', firstDay: '2021-09-27', capacity: 100 });
  });
  afterAll(() => graph?.close());
  beforeEach(() => graph.clock.set('2021-09-01T10:00:00+08:00'));

  describe('outcomes', () => {
    it('records full attendance and a passed exam as credit, visible from the 10th working day across Mid-Autumn and National Day', async () => {
      const learner = await signUpLearner(graph);
      const registrationId = await registerAndPay(graph, learner, september);
      graph.clock.set('2021-09-17T18:00:00+08:00');
      expect(errorCode(await refusedWithoutChange(() => report(SJTU_STAFF, registrationId)))).toBe('CONFLICT');

      graph.clock.set('2021-09-18T08:00:00+08:00');
      const reported = await report(SJTU_STAFF, registrationId);
      expect(reported.errors).toBeUndefined();
      expect(reported.data?.reportOutcome).toMatchObject({
        id: registrationId,
        status: 'COMPLETED',
        creditEntry: { hours: 12, visibleFrom: '2021-10-08' },
      });

      graph.clock.set('2021-10-07T23:59:59+08:00');
      expect((await graph.execute<Record>(MY_RECORD, {}, learner.caller)).data?.me.creditEntries).toEqual([]);
      graph.clock.set('2021-10-08T00:00:00+08:00');
      const record = await graph.execute<Record>(MY_RECORD, {}, learner.caller);
      expect(record.errors).toBeUndefined();
      expect(record.data?.me.creditEntries).toEqual([
        {
          id: reported.data?.reportOutcome.creditEntry?.id,
          courseTitle: '数据分析基础',
          institutionName: '上海交通大学',
          category: 'REQUIRED',
          hours: 12,
          completedOn: '2021-09-17',
          visibleFrom: '2021-10-08',
        },
      ]);
    });

    it('dates a record across the National Day holiday: last day 28 September, visible from 18 October', async () => {
      const learner = await signUpLearner(graph);
      const registrationId = await registerAndPay(graph, learner, lateSeptember);
      graph.clock.set('2021-09-29T09:00:00+08:00');
      const reported = await report(SJTU_STAFF, registrationId);
      expect(reported.data?.reportOutcome.creditEntry?.visibleFrom).toBe('2021-10-18');
    });

    it('gives no credit to a failed exam or incomplete attendance', async () => {
      const failed = await signUpLearner(graph);
      const absent = await signUpLearner(graph);
      const failedId = await registerAndPay(graph, failed, september);
      const absentId = await registerAndPay(graph, absent, september);
      graph.clock.set('2021-09-20T10:00:00+08:00');
      expect((await report(SJTU_STAFF, failedId, true, false)).data?.reportOutcome).toMatchObject({
        status: 'FAILED',
        creditEntry: null,
      });
      expect((await report(SJTU_STAFF, absentId, false, true)).data?.reportOutcome).toMatchObject({
        status: 'FAILED',
        creditEntry: null,
      });
    });

    it('lets only the institution that ran the session report, and keeps the first outcome', async () => {
      const learner = await signUpLearner(graph);
      const registrationId = await registerAndPay(graph, learner, september);
      graph.clock.set('2021-09-20T10:00:00+08:00');
      expect(errorCode(await refusedWithoutChange(() => report(SHU_STAFF, registrationId)))).toBe('FORBIDDEN');
      expect(errorCode(await refusedWithoutChange(() => report(learner.caller, registrationId)))).toBe('FORBIDDEN');
      expect(errorCode(await refusedWithoutChange(() => report({ role: 'ANALYST', subject: 'analyst' }, registrationId)))).toBe(
        'FORBIDDEN',
      );
      expect(
        errorCode(
          await refusedWithoutChange(() =>
            graph.execute(REPORT_OUTCOME, { registrationId, attendedFully: true, examPassed: true }),
          ),
        ),
      ).toBe('UNAUTHENTICATED');
      expect((await report(SJTU_STAFF, registrationId, true, false)).data?.reportOutcome.status).toBe('FAILED');
      expect((await report(SJTU_STAFF, registrationId, true, false)).data?.reportOutcome.status).toBe('FAILED');
      expect(errorCode(await refusedWithoutChange(() => report(SJTU_STAFF, registrationId, true, true)))).toBe('CONFLICT');
    });

    it('records a whole roster at once, or nothing when one row is refused', async () => {
      const learners = await Promise.all([1, 2, 3].map(() => signUpLearner(graph)));
      const ids: string[] = [];
      for (const learner of learners) ids.push(await registerAndPay(graph, learner, september));
      graph.clock.set('2021-09-20T10:00:00+08:00');
      const mutation = `mutation ($sessionId: ID!, $outcomes: [OutcomeInput!]!) { reportOutcomes(sessionId: $sessionId, outcomes: $outcomes) { id status } }`;
      const bad = await refusedWithoutChange(() =>
        graph.execute(
          mutation,
          {
            sessionId: september,
            outcomes: [
              { registrationId: ids[0], attendedFully: true, examPassed: true },
              { registrationId: '00000000-0000-4000-8000-000000000000', attendedFully: true, examPassed: true },
            ],
          },
          SJTU_STAFF,
        ),
      );
      expect(errorCode(bad)).toBe('NOT_FOUND');
      const good = await graph.execute<{ reportOutcomes: { status: string }[] }>(
        mutation,
        {
          sessionId: september,
          outcomes: ids.map((registrationId, index) => ({ registrationId, attendedFully: true, examPassed: index !== 2 })),
        },
        SJTU_STAFF,
      );
      expect(good.data?.reportOutcomes.map((entry) => entry.status)).toEqual(['COMPLETED', 'COMPLETED', 'FAILED']);
    });

    it('reads outcomes from the roster CSV a spreadsheet gives back', async () => {
      const names = ['钱一', '钱二'];
      const learners = await Promise.all(names.map((name) => signUpLearner(graph, { name })));
      for (const learner of learners) await registerAndPay(graph, learner, lateSeptember);
      graph.clock.set('2021-09-29T10:00:00+08:00');
      const roster = await graph.execute<{ rosterCsv: string }>(
        `query ($id: ID!) { rosterCsv(sessionId: $id) }`,
        { id: lateSeptember },
        SJTU_STAFF,
      );
      const rows = (roster.data?.rosterCsv ?? '')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(rows[0]).toBe('报名编号,姓名,工作单位,全程参加,考试合格');
      const mine = rows.slice(1).filter((row) => names.some((name) => row.includes(name)));
      expect(mine).toHaveLength(2);
      const filled = [
        rows[0],
        ...mine.map((row, index) => `${row.split(',').slice(0, 3).join(',')},是,${index === 0 ? '是' : '否'}`),
      ].join('\r\n');
      const result = await graph.execute<{ reportOutcomesCsv: { status: string }[] }>(
        `mutation ($id: ID!, $csv: String!) { reportOutcomesCsv(sessionId: $id, csv: $csv) { status } }`,
        { id: lateSeptember, csv: filled },
        SJTU_STAFF,
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data?.reportOutcomesCsv.map((entry) => entry.status)).toEqual(['COMPLETED', 'FAILED']);
      const wrong = await refusedWithoutChange(() =>
        graph.execute(
          `mutation ($id: ID!, $csv: String!) { reportOutcomesCsv(sessionId: $id, csv: $csv) { status } }`,
          {
            id: lateSeptember,
            csv: `${rows[0]}\r\n${mine[0]?.split(',').slice(0, 3).join(',')},也许,是`,
          },
          SJTU_STAFF,
        ),
      );
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    });
  });

  describe('the ledger', () => {
    it('corrects by appending a reversing entry with a reason and author, the registrar only', async () => {
      const learner = await signUpLearner(graph);
      const registrationId = await registerAndPay(graph, learner, september);
      graph.clock.set('2021-09-20T10:00:00+08:00');
      const entryId = (await report(SJTU_STAFF, registrationId)).data?.reportOutcome.creditEntry?.id ?? '';
      const reverse = `mutation ($id: ID!, $reason: String!) { reverseCreditEntry(entryId: $id, reason: $reason) { hours reason recordedBy reverses { id } } }`;
      expect(
        errorCode(await refusedWithoutChange(() => graph.execute(reverse, { id: entryId, reason: '考勤记录有误' }, SJTU_STAFF))),
      ).toBe('FORBIDDEN');
      const reversed = await graph.execute<{ reverseCreditEntry: unknown }>(
        reverse,
        { id: entryId, reason: '考勤记录有误' },
        REGISTRAR,
      );
      expect(reversed.data?.reverseCreditEntry).toEqual({
        hours: -12,
        reason: '考勤记录有误',
        recordedBy: 'registrar',
        reverses: { id: entryId },
      });
      expect(
        errorCode(await refusedWithoutChange(() => graph.execute(reverse, { id: entryId, reason: '再次' }, REGISTRAR))),
      ).toBe('CONFLICT');

      graph.clock.set('2021-11-01T10:00:00+08:00');
      const own = await graph.execute<Record>(MY_RECORD, {}, learner.caller);
      expect(own.data?.me.creditEntries).toEqual([]);
      expect(own.data?.me.cycle.totalHours).toBe(0);
      const asRegistrar = await graph.execute<{ learner: { creditEntries: { hours: number }[] } }>(
        `query ($id: ID!) { learner(id: $id) { creditEntries { hours } } }`,
        { id: learner.id },
        REGISTRAR,
      );
      expect(asRegistrar.data?.learner.creditEntries.map((entry) => entry.hours)).toEqual([12, -12]);
    });

    it("gives the demo learner's 2021–2023 cycle verdict exactly as the contract shows it", async () => {
      graph.clock.set('2024-03-01T10:00:00+08:00');
      const signIn = await graph.execute<{ signIn: { learner: { id: string } } }>(contractOperation('SignIn'), {
        idNumber: DEMO_LEARNER.idNumber,
        password: DEMO_PASSWORD,
      });
      const demo: Caller = { role: 'LEARNER', subject: signIn.data?.signIn.learner.id ?? '' };
      const record = await graph.execute<Record>(MY_RECORD, {}, demo);
      expect(record.errors).toBeUndefined();
      expect(record.data?.me.cycle).toEqual({
        startYear: 2021,
        endYear: 2023,
        requiredHours: 54,
        electiveHours: 15.5,
        totalHours: 69.5,
        compliant: false,
        requiredShortfall: 0,
        totalShortfall: 20.5,
        years: [
          { year: 2021, hours: 25.5 },
          { year: 2022, hours: 30.5 },
          { year: 2023, hours: 13.5 },
        ],
      });
      expect(record.data?.me.creditEntries.map((entry) => entry.institutionName)).toContain('上海大学');
    });

    it('suggests open electives, longest first, that would close the shortfall', async () => {
      graph.clock.set('2023-07-01T10:00:00+08:00');
      const signIn = await graph.execute<{ signIn: { learner: { id: string } } }>(contractOperation('SignIn'), {
        idNumber: DEMO_LEARNER.idNumber,
        password: DEMO_PASSWORD,
      });
      const demo: Caller = { role: 'LEARNER', subject: signIn.data?.signIn.learner.id ?? '' };
      const result = await graph.execute<{
        me: {
          cycle: { suggestions: { courseTitle: string; category: string; hours: number; session: { id: string } | null }[] };
        };
      }>(`{ me { cycle { suggestions { courseTitle category hours session { id } } } } }`, {}, demo);
      expect(result.errors).toBeUndefined();
      const suggestions = result.data?.me.cycle.suggestions ?? [];
      expect(suggestions.length).toBeGreaterThan(0);
      expect(
        suggestions.every(
          (entry) => entry.category === 'ELECTIVE' && entry.session?.id.startsWith('elective-provider:session:2023-'),
        ),
      ).toBe(true);
      expect(suggestions.map((entry) => entry.hours)).toEqual([...suggestions.map((entry) => entry.hours)].sort((a, b) => b - a));
      expect(suggestions.map((entry) => entry.courseTitle)).not.toContain('心理健康与压力管理');
    });
  });

  describe('online electives', () => {
    it('credits finished courseware with its actual hours, and nothing once it has expired', async () => {
      const learner = await signUpLearner(graph);
      graph.clock.set('2021-06-01T10:00:00+08:00');
      const registrationId = await registerAndPay(graph, learner, 'elective-provider:session:2021-digital-economy');
      const complete = `mutation ($id: ID!, $at: DateTime!) { reportCoursewareCompletion(registrationId: $id, completedAt: $at) { status creditEntry { hours visibleFrom } } }`;
      graph.clock.set('2021-06-10T10:00:00+08:00');
      expect(
        errorCode(
          await refusedWithoutChange(() =>
            graph.execute(complete, { id: registrationId, at: '2021-06-09T20:00:00+08:00' }, SJTU_STAFF),
          ),
        ),
      ).toBe('FORBIDDEN');
      const done = await graph.execute<{ reportCoursewareCompletion: unknown }>(
        complete,
        { id: registrationId, at: '2021-06-09T20:00:00+08:00' },
        PROVIDER_STAFF,
      );
      expect(done.data?.reportCoursewareCompletion).toEqual({
        status: 'COMPLETED',
        creditEntry: { hours: 4.5, visibleFrom: '2021-06-24' },
      });

      const late = await signUpLearner(graph);
      graph.clock.set('2021-12-01T10:00:00+08:00');
      const lateId = await registerAndPay(graph, late, 'elective-provider:session:2021-ethics');
      graph.clock.set('2022-01-02T10:00:00+08:00');
      expect(
        errorCode(
          await refusedWithoutChange(() =>
            graph.execute(complete, { id: lateId, at: '2022-01-01T12:00:00+08:00' }, PROVIDER_STAFF),
          ),
        ),
      ).toBe('CONFLICT');
    });
  });

  describe('the transcript', () => {
    it('prints every course, the cycle totals and a verification code anyone can check without the ID number', async () => {
      graph.clock.set('2024-03-01T10:00:00+08:00');
      const signIn = await graph.execute<{ signIn: { learner: { id: string } } }>(contractOperation('SignIn'), {
        idNumber: DEMO_LEARNER.idNumber,
        password: DEMO_PASSWORD,
      });
      const demo: Caller = { role: 'LEARNER', subject: signIn.data?.signIn.learner.id ?? '' };
      const issued = await graph.execute<{
        issueTranscript: { verificationCode: string; issuedOn: string; pdf: { url: string }; csv: { url: string } };
      }>(`mutation { issueTranscript { verificationCode issuedOn pdf { url } csv { url } } }`, {}, demo);
      expect(issued.errors).toBeUndefined();
      const transcript = issued.data?.issueTranscript;
      expect(transcript?.issuedOn).toBe('2024-03-01');
      const origin = new URL(graph.gatewayUrl).origin;
      const pdf = await fetch(new URL(transcript?.pdf.url ?? '', origin));
      expect(pdf.status).toBe(200);
      const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
      for (const expected of [
        '上海市专业技术人员继续教育学时记录',
        DEMO_LEARNER.name,
        '310***********1234',
        '知识产权基础',
        '人工智能及应用',
        '上海大学',
        '数字经济与数字化转型',
        transcript?.verificationCode ?? 'missing',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain(DEMO_LEARNER.idNumber);

      const csv = await fetch(new URL(transcript?.csv.url ?? '', origin));
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(await csv.text()).toContain('人工智能及应用');

      const verification = await graph.execute<{ verifyTranscript: { [key: string]: unknown; entries: unknown[] } }>(
        `query ($code: String!) { verifyTranscript(code: $code) { learnerName issuedOn stillMatchesLedger cycle { totalHours compliant } entries { courseTitle hours } } }`,
        { code: (transcript?.verificationCode ?? '').toLowerCase() },
      );
      expect(verification.data?.verifyTranscript).toMatchObject({
        learnerName: DEMO_LEARNER.name,
        issuedOn: '2024-03-01',
        stillMatchesLedger: true,
        cycle: { totalHours: 69.5, compliant: false },
      });
      expect(verification.data?.verifyTranscript.entries).toHaveLength(10);
      expect(JSON.stringify(verification)).not.toContain(DEMO_LEARNER.idNumber.slice(3, 14));
      const page = await fetch(new URL(`/documents/verify/${transcript?.verificationCode}`, origin));
      const html = await page.text();
      expect(html).toContain(DEMO_LEARNER.name);
      expect(html).not.toContain(DEMO_LEARNER.idNumber);
      const unknown = await graph.execute<{ verifyTranscript: unknown }>(
        `{ verifyTranscript(code: "AAAA-BBBB-CCCC") { issuedOn } }`,
      );
      expect(unknown.data?.verifyTranscript).toBeNull();
    });
  });
});
