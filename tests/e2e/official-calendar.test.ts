import type { Caller } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { expectRefusedWithoutChange, insertSjtuSession } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { registerAndPay } from '../harness/journey';
import { errorCode, signUpLearner } from '../harness/learners';
import type { SignedUpLearner } from '../harness/learners';

const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const ANALYST: Caller = { role: 'ANALYST', subject: 'analyst' };

const LOAD = `mutation ($input: OfficialCalendarInput!) {
  loadOfficialCalendar(input: $input) {
    calendar { year version source url daysOff workingWeekendDays builtIn reason loadedBy loadedAt }
    datedEntries pendingEntries
  }
}`;
const RECORD = `mutation ($input: CreditEntryInput!) { recordCreditEntry(input: $input) { id visibleFrom } }`;
const REVERSE = `mutation ($entryId: ID!) { reverseCreditEntry(entryId: $entryId, reason: "登记重复") { id visibleFrom } }`;
const ENTRY = `query ($id: ID!) { learner(id: $id) { creditEntries { id hours completedOn visibleFrom reverses { id } } pendingCredit { id completedOn awaitingCalendarYear } } }`;
const MY_REGISTRATION = `{ me { registrations { id status creditEntry { visibleFrom } pendingCredit { courseTitle hours completedOn awaitingCalendarYear } } pendingCredit { id hours awaitingCalendarYear } } }`;
const YEARS = `{ officialCalendarYears { year version builtIn source loadedBy } }`;
const VERSIONS = `query ($year: Int!) { officialCalendarVersions(year: $year) { version daysOff reason loadedBy } }`;

interface Entry {
  id: string;
  hours: number;
  completedOn: string;
  visibleFrom: string;
  reverses: { id: string } | null;
}
interface Pending {
  id: string;
  completedOn: string;
  awaitingCalendarYear: number;
}
interface Loaded {
  loadOfficialCalendar: {
    calendar: { year: number; version: number; builtIn: boolean; loadedBy: string | null; reason: string | null };
    datedEntries: number;
    pendingEntries: number;
  };
}
interface MyRecord {
  me: {
    creditEntries: { id: string }[];
    cycle: { totalHours: number };
  };
}

/** The 2027 notice as a registrar would type it; test data, not the published notice. */
const NOTICE_2027 = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  url: 'https://www.gov.cn/zhengce/content/2026-11/10/content_0000000.htm',
  daysOff: ['2027-01-01..2027-01-03', '2027-02-06..2027-02-12'],
  workingWeekendDays: ['2027-02-14'],
};

describe('the official calendar as data: entries pending on a year not held, dated when it is loaded', () => {
  let graph: TestGraph;
  let learner: SignedUpLearner;
  let registrationId = '';
  const at = (instant: string) => graph.clock.set(instant);
  const ledger = async () =>
    (await graph.execute<{ learner: { creditEntries: Entry[]; pendingCredit: Pending[] } }>(ENTRY, { id: learner.id }, REGISTRAR))
      .data?.learner ?? { creditEntries: [], pendingCredit: [] };
  const entries = async () => (await ledger()).creditEntries;
  const myRecord = async () => (await graph.execute<MyRecord>(contractOperation('MyRecord'), {}, learner.caller)).data?.me;
  const load = (input: object, caller: Caller | undefined = REGISTRAR) => graph.execute<Loaded>(LOAD, { input }, caller);
  const record = (completedOn: string) =>
    graph.execute<{ recordCreditEntry: { id: string; visibleFrom: string } }>(
      RECORD,
      {
        input: {
          learnerId: learner.id,
          courseTitle: '经认可的讲座：工程伦理',
          institution: 'association',
          category: 'REQUIRED',
          hours: 3,
          completedOn,
          reason: '经认可的讲座类课程',
        },
      },
      REGISTRAR,
    );
  const openIn2027 = () =>
    graph.execute(
      `mutation ($input: OpenSessionInput!) { openSjtuSession(input: $input) { id } }`,
      {
        input: {
          courseId: 'sjtu:course:2026-data',
          startsAt: '2027-01-11T09:00:00+08:00',
          endsAt: '2027-01-12T16:30:00+08:00',
          deliveryMode: 'LIVE_ONLINE',
          capacity: 40,
          registrationOpensAt: '2026-12-31T10:00:00+08:00',
        },
      },
      SJTU_STAFF,
    );
  const refusedWithoutChange = (input: object, caller: Caller | undefined = REGISTRAR) =>
    expectRefusedWithoutChange(graph.subgraph('registry').database, () => load(input, caller));

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo', startAt: '2026-12-01T10:00:00+08:00' });
    // Monday–Tuesday 28–29 December 2026: ten working days later is in 2027, whose calendar is not held.
    const session = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2026-data-dec',
      courseLocal: '2026-data',
      firstDay: '2026-12-28',
    });
    learner = await signUpLearner(graph);
    registrationId = await registerAndPay(graph, learner, session);
  });
  afterAll(() => graph?.close());

  it('records an outcome at once, its credit pending on 2027, instead of refusing it', async () => {
    at('2026-12-30T09:00:00+08:00');
    const reported = await graph.execute<{
      reportOutcome: { status: string; creditEntry: { hours: number; visibleFrom: string } | null };
    }>(contractOperation('ReportOutcome'), { registrationId, attendedFully: true, examPassed: true }, SJTU_STAFF);
    expect(reported.errors).toBeUndefined();
    expect(reported.data?.reportOutcome).toEqual({ id: registrationId, status: 'COMPLETED', creditEntry: null });

    // The learner's record: the course completed, its credit pending on the official calendar, not yet counted.
    const mine = await graph.execute<{
      me: {
        registrations: { id: string; status: string; creditEntry: unknown; pendingCredit: unknown }[];
        pendingCredit: { hours: number; awaitingCalendarYear: number }[];
      };
    }>(MY_REGISTRATION, {}, learner.caller);
    expect(mine.data?.me.registrations.find((registration) => registration.id === registrationId)).toEqual({
      id: registrationId,
      status: 'COMPLETED',
      creditEntry: null,
      pendingCredit: { courseTitle: '数据分析基础', hours: 12, completedOn: '2026-12-29', awaitingCalendarYear: 2027 },
    });
    expect(mine.data?.me.pendingCredit).toEqual([expect.objectContaining({ hours: 12, awaitingCalendarYear: 2027 })]);
    expect((await myRecord())?.creditEntries).toEqual([]);
    expect((await myRecord())?.cycle.totalHours).toBe(0);
  });

  it('has the registrar load the year before recording or reversing credit by hand that needs it', async () => {
    at('2026-12-30T10:00:00+08:00');
    const lecture = await expectRefusedWithoutChange(graph.subgraph('registry').database, () => record('2026-12-21'));
    expect(lecture.errors?.[0]?.extensions).toMatchObject({ code: 'CALENDAR_YEAR_NOT_HELD', year: 2027 });
    const pending = (await ledger()).pendingCredit;
    expect(pending).toEqual([expect.objectContaining({ completedOn: '2026-12-29', awaitingCalendarYear: 2027 })]);
    const reversal = await expectRefusedWithoutChange(graph.subgraph('registry').database, () =>
      graph.execute(REVERSE, { entryId: pending[0]?.id }, REGISTRAR),
    );
    expect(errorCode(reversal)).toBe('CALENDAR_YEAR_NOT_HELD');
  });

  it('refuses to open a session in 2027 while its calendar is not loaded: its days cannot be checked', async () => {
    const refused = await openIn2027();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CALENDAR_YEAR_NOT_HELD', year: 2027 });
  });

  it('lets only the registrar load a year', async () => {
    for (const caller of [learner.caller, SJTU_STAFF, ANALYST]) {
      expect(errorCode(await refusedWithoutChange(NOTICE_2027, caller))).toBe('FORBIDDEN');
    }
    const anonymous = await expectRefusedWithoutChange(graph.subgraph('registry').database, () =>
      graph.execute<Loaded>(LOAD, { input: NOTICE_2027 }),
    );
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('refuses a notice that cannot be right, naming the entry at fault, and changes nothing', async () => {
    const refusals: [object, string, string][] = [
      [{ ...NOTICE_2027, daysOff: ['2026-12-31..2027-01-02'] }, 'BAD_USER_INPUT', 'daysOff.0'],
      [{ ...NOTICE_2027, daysOff: ['2027-02-30'] }, 'BAD_USER_INPUT', 'daysOff.0'],
      [{ ...NOTICE_2027, daysOff: [] }, 'BAD_USER_INPUT', 'daysOff'],
      [{ ...NOTICE_2027, workingWeekendDays: ['2027-02-15'] }, 'BAD_USER_INPUT', 'workingWeekendDays.0'],
      [{ ...NOTICE_2027, workingWeekendDays: ['2027-02-07'] }, 'BAD_USER_INPUT', 'workingWeekendDays'],
      [{ ...NOTICE_2027, workingWeekendDays: ['2028-01-08'] }, 'BAD_USER_INPUT', 'workingWeekendDays.0'],
      [{ ...NOTICE_2027, url: 'https://example.com/2027-holidays' }, 'BAD_USER_INPUT', 'url'],
      [{ ...NOTICE_2027, title: '<script>' }, 'BAD_USER_INPUT', 'title'],
    ];
    for (const [input, code, field] of refusals) {
      const result = await refusedWithoutChange(input);
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code, field });
      expect(result.errors?.[0]?.extensions?.['zh']).toEqual(expect.any(String));
      expect(result.errors?.[0]?.extensions?.['en']).toEqual(expect.any(String));
    }
    const builtIn = await refusedWithoutChange({ ...NOTICE_2027, year: 2026, daysOff: ['2026-01-01'], workingWeekendDays: [] });
    expect(errorCode(builtIn)).toBe('CONFLICT');
  });

  it('dates every pending entry in the transaction that loads the year, and then takes entries by hand', async () => {
    const loaded = await load(NOTICE_2027);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data?.loadOfficialCalendar).toMatchObject({
      calendar: { year: 2027, version: 1, builtIn: false, loadedBy: 'registrar', reason: null },
      datedEntries: 1,
      pendingEntries: 0,
    });
    expect((await ledger()).pendingCredit).toEqual([]);
    // The institution checks a 2027 session's days against the calendar the registry now holds.
    const opened = await openIn2027();
    expect(opened.errors).toBeUndefined();
    // 12-29: 30(1) 31(2) [01-01..03 off] 04(3) 05(4) 06(5) 07(6) 08(7) 11(8) 12(9) 13(10)
    expect((await entries()).find((entry) => entry.completedOn === '2026-12-29')?.visibleFrom).toBe('2027-01-13');

    // 12-21: 22(1) 23(2) 24(3) 25(4) 28(5) 29(6) 30(7) 31(8) 04(9) 05(10)
    expect((await record('2026-12-21')).data?.recordCreditEntry.visibleFrom).toBe('2027-01-05');
    const duplicate = await record('2026-12-22');
    const reversal = await graph.execute<{ reverseCreditEntry: { visibleFrom: string } }>(
      REVERSE,
      { entryId: duplicate.data?.recordCreditEntry.id },
      REGISTRAR,
    );
    expect(duplicate.data?.recordCreditEntry.visibleFrom).toBe('2027-01-06');
    expect(reversal.data?.reverseCreditEntry.visibleFrom).toBe('2027-01-06');

    const years = await graph.execute<{ officialCalendarYears: { year: number; builtIn: boolean; loadedBy: string | null }[] }>(
      YEARS,
    );
    expect(years.data?.officialCalendarYears.map((year) => [year.year, year.builtIn])).toEqual([
      [2020, true],
      [2021, true],
      [2022, true],
      [2023, true],
      [2024, true],
      [2025, true],
      [2026, true],
      [2027, false],
    ]);
    // Who loaded a year is for the registrar's audit, not for everyone.
    expect(years.data?.officialCalendarYears.at(-1)?.loadedBy).toBeNull();
  });

  it('takes a correction only as a new version with a reason, and moves only entries nobody has seen yet', async () => {
    at('2027-01-06T10:00:00+08:00');
    const corrected = { ...NOTICE_2027, daysOff: ['2027-01-01..2027-01-04', '2027-02-06..2027-02-12'] };
    expect((await refusedWithoutChange(corrected)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const loaded = await load({ ...corrected, reason: '通知更正：1 月 4 日放假' });
    // Only the 12-29 entry moves: the 12-21 one has been visible since 01-05; the 12-22 pair since today.
    expect(loaded.data?.loadOfficialCalendar).toMatchObject({
      calendar: { version: 2, reason: '通知更正：1 月 4 日放假' },
      datedEntries: 1,
    });
    const byDay = Object.fromEntries(
      (await entries()).map((entry) => [`${entry.completedOn}${entry.reverses ? ' reversal' : ''}`, entry]),
    );
    expect(byDay['2026-12-29']?.visibleFrom).toBe('2027-01-14');
    expect(byDay['2026-12-21']?.visibleFrom).toBe('2027-01-05');
    expect(byDay['2026-12-22']?.visibleFrom).toBe('2027-01-06');

    const versions = await graph.execute<{ officialCalendarVersions: { version: number; loadedBy: string | null }[] }>(
      VERSIONS,
      { year: 2027 },
      REGISTRAR,
    );
    expect(versions.data?.officialCalendarVersions.map((version) => [version.version, version.loadedBy])).toEqual([
      [2, 'registrar'],
      [1, 'registrar'],
    ]);
  });

  it('shows the learner each entry from its day on, and counts it from then', async () => {
    at('2027-01-13T10:00:00+08:00');
    const before = await myRecord();
    expect(before?.creditEntries).toHaveLength(1);
    at('2027-01-14T00:00:00+08:00');
    const after = await myRecord();
    expect(after?.creditEntries).toHaveLength(2);
    // The lecture's 3 hours and the course's 12, within the 2026–2028 cycle.
    const cycle = await graph.execute<{ me: { cycle: { totalHours: number } } }>(
      `{ me { cycle(startYear: 2026) { totalHours } } }`,
      {},
      learner.caller,
    );
    expect(cycle.data?.me.cycle.totalHours).toBe(15);
  });
});
