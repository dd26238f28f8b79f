import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Category } from '@xueshi/domain';
import { creditEntries, employerStaff, employers, learners, outcomes, registrations } from '@xueshi/registry/db';
import type { RegistrationStatus } from '@xueshi/registry/db';
import type { Caller, Database } from '@xueshi/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { insertLearner, randomIdNumber } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { errorCode } from '../harness/learners';

const REGISTRATION_FACTS = contractOperation('RegistrationFacts');

const ANALYST: Caller = { role: 'ANALYST', subject: 'analyst' };
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };

interface Key {
  month: string | null;
  institution: string | null;
  course: string | null;
  category: string | null;
  deliveryMode: string | null;
  status: string | null;
  employer: string | null;
}
interface Row {
  key: Key;
  learners: number | null;
  registrations: number | null;
  hours: number | null;
  suppressed: boolean;
}
interface Facts {
  registrationFacts: { rows: Row[] };
}

const NO_KEY: Key = {
  month: null,
  institution: null,
  course: null,
  category: null,
  deliveryMode: null,
  status: null,
  employer: null,
};
const SUPPRESSED = { learners: null, registrations: null, hours: null, suppressed: true };
const SUPPRESSED_RICH = { ...SUPPRESSED, feesFen: null, completionRate: null, passRate: null };

interface Taken {
  institution: string;
  course: string;
  category?: Category;
  status: RegistrationStatus;
  registeredAt: string;
  /** Minutes of credit earned; a second number reverses that much of it. */
  credit?: [number] | [number, number];
  year?: number;
  feeFen?: number;
  /** Paid, then refunded this much on withdrawal. */
  refundFen?: number;
  /** The outcome reported: attended fully, passed the exam. */
  outcome?: [boolean, boolean];
}

const PAID_STATUSES: RegistrationStatus[] = ['PAID', 'COMPLETED', 'FAILED'];

/** A learner and their registrations, written straight into the registry: the facts are what is counted. */
async function learnerWith(database: Database, employer: string, taken: Taken[]): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  const name = `分析对象${id.slice(0, 4)}`;
  await insertLearner(database, { id, name, employer });
  for (const registration of taken) {
    const [row] = await database.db
      .insert(registrations)
      .values({
        learnerId: id,
        sessionId: `${registration.institution}:session:${registration.course}-1`,
        courseId: `${registration.institution}:course:${registration.course}`,
        institution: registration.institution,
        year: registration.year ?? 2021,
        courseTitle: '测试课程',
        category: registration.category ?? 'REQUIRED',
        minutes: 360,
        feeFen: registration.feeFen ?? 12_000,
        status: registration.status,
        registeredAt: new Date(registration.registeredAt),
        paidAt:
          PAID_STATUSES.includes(registration.status) || registration.refundFen !== undefined
            ? new Date(registration.registeredAt)
            : null,
        refundFen: registration.refundFen ?? null,
      })
      .returning();
    if (row && registration.outcome) {
      const [attendedFully, examPassed] = registration.outcome;
      await database.db.insert(outcomes).values({
        registrationId: row.id,
        attendedFully,
        examPassed,
        reportedBy: `${registration.institution}-staff`,
        reportedAt: new Date(),
      });
    }
    const [earned, reversed] = registration.credit ?? [];
    if (!row || earned === undefined) continue;
    const entry = {
      learnerId: id,
      courseTitle: '测试课程',
      institution: registration.institution,
      category: registration.category ?? 'REQUIRED',
      year: row.year,
      completedOn: '2021-04-02',
      visibleFrom: '2021-04-19',
      recordedBy: `${registration.institution}-staff`,
    };
    const [original] = await database.db
      .insert(creditEntries)
      .values({ ...entry, registrationId: row.id, minutes: earned })
      .returning();
    if (reversed !== undefined && original) {
      await database.db.insert(creditEntries).values({
        ...entry,
        registrationId: null,
        minutes: -reversed,
        reverses: original.id,
        reason: '冲销',
        recordedBy: 'registrar',
      });
    }
  }
  return { id, name };
}

const times = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => make(index));

describe('registrationFacts: aggregates for analysts, small groups suppressed', () => {
  let graph: TestGraph;
  const people: { id: string; name: string }[] = [];
  const facts = async (groupBy: string[], caller: Caller = ANALYST, year = 2021) =>
    graph.execute<Facts>(REGISTRATION_FACTS, { year, groupBy }, caller);
  const rowsOf = async (groupBy: string[]) => {
    const result = await facts(groupBy);
    expect(result.errors).toBeUndefined();
    return result.data?.registrationFacts.rows ?? [];
  };

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'none' });
    const registry = graph.subgraph('registry').database;
    const add = async (employer: string, taken: Taken[]) => people.push(await learnerWith(registry, employer, taken));
    // sjtu: exactly 5 learners, all passed 6 hours, one reversed whole: 24 hours net. One registered on
    // 1 March 00:30 in Shanghai (still 28 February in UTC).
    for (const index of times(5, (index) => index)) {
      await add(index < 3 ? '上海甲科技有限公司' : '上海乙设计院', [
        {
          institution: 'sjtu',
          course: '2021-data',
          status: 'COMPLETED',
          registeredAt: index === 0 ? '2021-02-28T16:30:00Z' : '2021-03-10T02:00:00Z',
          credit: index === 4 ? [360, 360] : [360],
        },
      ]);
    }
    // association: 6 learners, one of whom registered twice (an elective too), with a spelling variant
    // of an employer that is the same employer.
    for (const index of times(6, (index) => index)) {
      await add(index === 5 ? ' 上海甲科技有限公司' : '上海丙医院', [
        { institution: 'association', course: '2021-ethics', status: 'PAID', registeredAt: '2021-03-02T02:00:00Z' },
        ...(index === 0
          ? [
              {
                institution: 'association',
                course: '2021-law',
                category: 'ELECTIVE' as const,
                status: 'PAID' as const,
                registeredAt: '2021-04-02T02:00:00Z',
              },
            ]
          : []),
      ]);
    }
    // shu: 4 learners; engineers-society: 3. Both small, and together 7 learners.
    for (const index of times(4, (index) => index)) {
      await add('上海丁大学', [
        {
          institution: 'shu',
          course: '2021-ai',
          status: index === 0 ? 'WITHDRAWN' : 'PAID',
          registeredAt: '2021-04-06T02:00:00Z',
        },
      ]);
    }
    for (const _ of times(3, (index) => index)) {
      await add('上海戊集团', [
        { institution: 'engineers-society', course: '2021-bim', status: 'PAID', registeredAt: '2021-04-07T02:00:00Z' },
      ]);
    }
    // Another year, never counted in 2021: sjtu's 2022 course, 240 yuan, with outcomes and a refund.
    await add('上海丙医院', [
      { institution: 'sjtu', course: '2022-data', status: 'PAID', registeredAt: '2022-03-01T02:00:00Z', year: 2022 },
    ]);
    const year2022 = (status: RegistrationStatus, more: Partial<Taken>): Taken => ({
      institution: 'sjtu',
      course: '2022-data',
      status,
      registeredAt: '2022-03-02T02:00:00Z',
      year: 2022,
      feeFen: 24_000,
      ...more,
    });
    for (const _ of times(4, (index) => index)) {
      await add('上海己研究所', [year2022('COMPLETED', { outcome: [true, true], credit: [720] })]);
    }
    await add('上海己研究所', [year2022('FAILED', { outcome: [true, false] })]);
    await add('上海己研究所', [year2022('FAILED', { outcome: [false, false] })]);
    await add('上海己研究所', [year2022('WITHDRAWN', { refundFen: 24_000 })]);
    // Five learners of one bank with a compliant 2021–2023 cycle recorded by hand, and no registrations.
    for (const _ of times(5, (index) => index)) {
      const banker = await learnerWith(registry, '上海庚银行', []);
      people.push(banker);
      const entry = {
        learnerId: banker.id,
        institution: 'association',
        completedOn: '2021-06-01',
        visibleFrom: '2021-06-16',
        recordedBy: 'registrar',
      };
      await registry.db.insert(creditEntries).values([
        { ...entry, courseTitle: '必修课程', category: 'REQUIRED', year: 2021, minutes: 45 * 60, reason: '补录' },
        { ...entry, courseTitle: '选修课程', category: 'ELECTIVE', year: 2022, minutes: 45 * 60, reason: '补录' },
      ]);
    }
  });
  afterAll(() => graph?.close());

  it('answers the contract operation with one row for the whole year when grouped by nothing', async () => {
    expect(await rowsOf([])).toEqual([{ key: NO_KEY, learners: 18, registrations: 19, hours: 24, suppressed: false }]);
  });

  it('publishes a group of 5 learners and suppresses groups of 4 and 3, whose 7 learners together cannot be isolated', async () => {
    const rows = await rowsOf(['INSTITUTION']);
    const of = (institution: string) => rows.find((row) => row.key.institution === institution);
    expect(of('sjtu')).toEqual({
      key: { ...NO_KEY, institution: 'sjtu' },
      learners: 5,
      registrations: 5,
      hours: 24,
      suppressed: false,
    });
    expect(of('association')).toEqual({
      key: { ...NO_KEY, institution: 'association' },
      learners: 6,
      registrations: 7,
      hours: 0,
      suppressed: false,
    });
    expect(of('shu')).toEqual({ key: { ...NO_KEY, institution: 'shu' }, ...SUPPRESSED });
    expect(of('engineers-society')).toEqual({ key: { ...NO_KEY, institution: 'engineers-society' }, ...SUPPRESSED });
    expect(rows).toHaveLength(4);
  });

  it('withholds a larger group too when the grand total less the published groups would give away a small one', async () => {
    // By status: PAID has 12 learners, COMPLETED 5, WITHDRAWN 1. Publishing both large groups would
    // leave the one withdrawal as the grand total less them, so COMPLETED (the smaller) is withheld too.
    const rows = await rowsOf(['STATUS']);
    expect(rows).toEqual([
      { key: { ...NO_KEY, status: 'COMPLETED' }, ...SUPPRESSED },
      { key: { ...NO_KEY, status: 'PAID' }, learners: 12, registrations: 13, hours: 0, suppressed: false },
      { key: { ...NO_KEY, status: 'WITHDRAWN' }, ...SUPPRESSED },
    ]);
    const [total] = await rowsOf([]);
    const published = rows.reduce((sum, row) => sum + (row.registrations ?? 0), 0);
    expect((total?.registrations ?? 0) - published).toBeGreaterThanOrEqual(5);
  });

  it('groups by month in Shanghai time: a registration at 00:30 on 1 March counts in March', async () => {
    expect(await rowsOf(['MONTH'])).toEqual([
      { key: { ...NO_KEY, month: '2021-03' }, learners: 11, registrations: 11, hours: 24, suppressed: false },
      { key: { ...NO_KEY, month: '2021-04' }, learners: 8, registrations: 8, hours: 0, suppressed: false },
    ]);
  });

  it('groups by several dimensions at once, protecting each coarser total of the answer', async () => {
    const rows = await rowsOf(['INSTITUTION', 'CATEGORY']);
    // association's one elective learner is small; its REQUIRED group goes with it, or association's
    // total would give it away. REQUIRED then withholds three groups of 13 learners together.
    expect(rows.map((row) => [row.key.institution, row.key.category, row.suppressed])).toEqual([
      ['association', 'ELECTIVE', true],
      ['association', 'REQUIRED', true],
      ['engineers-society', 'REQUIRED', true],
      ['shu', 'REQUIRED', true],
      ['sjtu', 'REQUIRED', false],
    ]);
    expect(rows[4]).toEqual({
      key: { ...NO_KEY, institution: 'sjtu', category: 'REQUIRED' },
      learners: 5,
      registrations: 5,
      hours: 24,
      suppressed: false,
    });
  });

  it('counts an employer however its learners spaced its name, shown as most of them wrote it', async () => {
    // 上海甲科技有限公司: three learners at sjtu and one who wrote it with a leading space: 4, suppressed.
    const rows = await rowsOf(['EMPLOYER']);
    expect(rows.find((row) => row.key.employer === '上海甲科技有限公司')).toEqual({
      key: { ...NO_KEY, employer: '上海甲科技有限公司' },
      ...SUPPRESSED,
    });
    expect(rows.find((row) => row.key.employer === '上海丙医院')).toMatchObject({
      learners: 5,
      registrations: 6,
      suppressed: false,
    });
    expect(rows.some((row) => row.key.employer === ' 上海甲科技有限公司')).toBe(false);
  });

  it('lets the registrar ask too, and nobody else', async () => {
    expect((await facts(['COURSE'], REGISTRAR)).data?.registrationFacts.rows.length).toBeGreaterThan(0);
    expect(errorCode(await graph.execute(REGISTRATION_FACTS, { year: 2021, groupBy: [] }))).toBe('UNAUTHENTICATED');
    for (const caller of [
      { role: 'LEARNER', subject: people[0]?.id ?? '' },
      { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' },
    ] satisfies Caller[]) {
      const refused = await facts([], caller);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
  });

  it('names no learner in any answer, however finely grouped', async () => {
    const all = ['MONTH', 'INSTITUTION', 'COURSE', 'CATEGORY', 'DELIVERY_MODE', 'STATUS', 'EMPLOYER'];
    const text = JSON.stringify(await rowsOf(all));
    for (const person of people) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.name);
    }
  });

  it('refuses a year that is no year with BAD_USER_INPUT', async () => {
    expect(errorCode(await facts([], ANALYST, 99_999))).toBe('BAD_USER_INPUT');
  });

  describe('beyond the contract: fees, rates, filters and CSV', () => {
    const RICH = `query ($year: Int!, $groupBy: [FactDimension!]!, $filter: FactFilter) {
      registrationFacts(year: $year, groupBy: $groupBy, filter: $filter) {
        rows { key { institution category status employer } learners registrations hours feesFen completionRate passRate suppressed }
        csv
      }
    }`;
    interface Rich {
      registrationFacts: {
        rows: (Row & { feesFen: number | null; completionRate: number | null; passRate: number | null })[];
        csv: string;
      };
    }
    const rich = async (year: number, groupBy: string[], filter?: Record<string, string>) => {
      const result = await graph.execute<Rich>(RICH, { year, groupBy, filter }, ANALYST);
      expect(result.errors).toBeUndefined();
      return result.data?.registrationFacts ?? { rows: [], csv: '' };
    };

    it('gives fees paid less refunds, and the completion and pass rates of the registrations with an outcome', async () => {
      const { rows } = await rich(2022, ['INSTITUTION']);
      // 7 paid 240 yuan (one refunded in full on withdrawal) and 1 paid 120 yuan; 6 outcomes: 5 attended, 4 passed.
      expect(rows).toEqual([
        {
          key: { institution: 'sjtu', category: null, status: null, employer: null },
          learners: 8,
          registrations: 8,
          hours: 48,
          feesFen: 6 * 24_000 + 12_000,
          completionRate: 0.8333,
          passRate: 0.6667,
          suppressed: false,
        },
      ]);
    });

    it('filters by one value per dimension, suppressing the slice as the answer grouped by that dimension too', async () => {
      const required = await rich(2021, ['INSTITUTION'], { category: 'REQUIRED' });
      expect(required.rows.map((row) => [row.key.institution, row.learners, row.suppressed])).toEqual([
        ['association', null, true],
        ['engineers-society', null, true],
        ['shu', null, true],
        ['sjtu', 5, false],
      ]);
      // The whole 2022 year is 8 learners, but its 4 who completed are a small group however asked for.
      const completed = await rich(2022, [], { status: 'COMPLETED' });
      expect(completed.rows).toEqual([
        { key: { institution: null, category: null, status: null, employer: null }, ...SUPPRESSED_RICH },
      ]);
      // 上海丙医院's 5 learners are published (spelled with spaces in the filter, compared as the registry does)...
      const hospital = await rich(2021, [], { employer: ' 上海丙医院 ' });
      expect(hospital.rows.map((row) => [row.learners, row.registrations])).toEqual([[5, 6]]);
      // ...but not as association's: association's total less them is its one learner from 上海甲科技有限公司.
      const atAssociation = await rich(2021, ['INSTITUTION'], { employer: '上海丙医院' });
      expect(atAssociation.rows).toEqual([
        { key: { institution: 'association', category: null, status: null, employer: null }, ...SUPPRESSED_RICH },
      ]);
    });

    it('refuses a filter value no registration can have, with BAD_USER_INPUT', async () => {
      for (const filter of [{ month: '2021-13' }, { deliveryMode: 'BY_POST' }, { institution: '' }]) {
        const result = await graph.execute(RICH, { year: 2021, groupBy: [], filter }, ANALYST);
        expect(errorCode(result), JSON.stringify(filter)).toBe('BAD_USER_INPUT');
      }
    });

    it('downloads any answer as CSV with a BOM, Chinese headings, and empty figures where suppressed', async () => {
      expect((await rich(2022, ['INSTITUTION'])).csv).toBe(
        '\uFEFF实施机构,学员数,报名数,学时,实收费用（分）,全程参加率,考试合格率,已抑制（少于5人）\r\n' +
          'sjtu,8,8,48,156000,0.8333,0.6667,否\r\n',
      );
      const byEmployer = (await rich(2021, ['EMPLOYER'])).csv.split('\r\n');
      expect(byEmployer[0]).toBe('\uFEFF工作单位,学员数,报名数,学时,实收费用（分）,全程参加率,考试合格率,已抑制（少于5人）');
      expect(byEmployer).toContain('上海甲科技有限公司,,,,,,,是');
      expect(byEmployer).toContain('上海丙医院,5,6,0,72000,,,否');
    });

    it('gives the share of a cycle compliant by employer and by employer size, suppressed alike', async () => {
      const COMPLIANCE = `query ($startYear: Int!, $groupBy: [ComplianceDimension!]!) {
        complianceFacts(startYear: $startYear, groupBy: $groupBy) {
          startYear endYear rows { key { employer employerSize } learners compliant compliantShare suppressed } csv
        }
      }`;
      type Compliance = {
        complianceFacts: {
          rows: {
            key: { employer: string | null };
            learners: number | null;
            compliantShare: number | null;
            suppressed: boolean;
          }[];
          csv: string;
        };
      };
      const byEmployer = await graph.execute<Compliance>(COMPLIANCE, { startYear: 2021, groupBy: ['EMPLOYER'] }, ANALYST);
      expect(byEmployer.errors).toBeUndefined();
      const rows = byEmployer.data?.complianceFacts.rows ?? [];
      expect(rows.map((row) => [row.key.employer, row.learners, row.compliantShare, row.suppressed])).toEqual([
        ['上海丁大学', null, null, true],
        ['上海丙医院', 6, 0, false],
        ['上海乙设计院', null, null, true],
        ['上海己研究所', 7, 0, false],
        ['上海庚银行', 5, 1, false],
        ['上海戊集团', null, null, true],
        ['上海甲科技有限公司', null, null, true],
      ]);
      const bySize = await graph.execute<Compliance>(COMPLIANCE, { startYear: 2021, groupBy: ['EMPLOYER_SIZE'] }, ANALYST);
      expect(bySize.data?.complianceFacts.csv).toBe(
        '\uFEFF单位规模（学员数）,学员数,达标,达标比例,已抑制（少于5人）\r\n1–9,31,5,0.1613,否\r\n',
      );
      const learner = { role: 'LEARNER', subject: people[0]?.id ?? '' } satisfies Caller;
      expect(errorCode(await graph.execute(COMPLIANCE, { startYear: 2021, groupBy: [] }, learner))).toBe('FORBIDDEN');
    });

    it('downloads the fixed statistics as CSV too', async () => {
      const result = await graph.execute<{ programmeStatistics: { csv: string }; cycleCompliance: { csv: string } }>(
        '{ programmeStatistics(year: 2022) { csv } cycleCompliance(startYear: 2021) { csv } }',
        {},
        ANALYST,
      );
      const programme = result.data?.programmeStatistics.csv.split('\r\n') ?? [];
      expect(programme[0]).toBe('\uFEFF实施机构,报名数,已付款,已完成,未通过,已退出,已过期,学时,收入（分）,已抑制（少于5人）');
      // Revenue counts the provider's payments, and these registrations were written without any; the
      // bankers' electives (5 learners) were recorded by hand at the association. sjtu's 8 learners: 4
      // completed, 2 failed and 1 withdrew, each a small group (or leaving one), and 4 earned its 48 hours,
      // so withheld; all 8 paid, none expired. The year withholds what sjtu's row does.
      expect(programme).toContain('上海交通大学,8,8,,,,0,,0,是');
      expect(programme).toContain('上海继续工程教育协会,0,0,0,0,0,0,225,0,否');
      expect(programme).toContain('2022年合计,8,8,,,,0,,0,是');
      expect(result.data?.cycleCompliance.csv).toBe(
        '\uFEFF周期,有学时的学员,达标,必修不足,总学时不足,已抑制（少于5人）\r\n2021–2023,13,5,8,8,否\r\n',
      );
    });

    it('counts learners an employer lists as that registered employer, whatever they typed, and the rest by their name folded', async () => {
      // 2023, a year nothing else counts; learners of a later cycle, so no cycle's compliance counts them.
      const registry = graph.subgraph('registry').database;
      const creditCode = '91310115MA1H7DKQ0N';
      await registry.db.insert(employers).values({
        creditCode,
        name: '上海示例科技有限公司',
        contactName: '王芳',
        contactMobile: '13700001111',
        passwordHash: 'scrypt$invalid',
        createdAt: new Date('2023-01-03T02:00:00Z'),
      });
      const add2023 = async (employer: string, listed: boolean) => {
        const idNumber = randomIdNumber();
        const learner = await learnerWith(registry, employer, [
          { institution: 'shu', course: '2023-ai', status: 'PAID', registeredAt: '2023-03-06T02:00:00Z', year: 2023 },
        ]);
        await registry.db.update(learners).set({ idNumber, cycleStartYear: 2024 }).where(eq(learners.id, learner.id));
        if (listed)
          await registry.db.insert(employerStaff).values({ creditCode, idNumber, listedAt: new Date('2023-01-04T02:00:00Z') });
      };
      for (const typed of ['示例科技', '上海示例科技有限公司', '上海市示例科技', 'Shili Tech', '示例'])
        await add2023(typed, true);
      await add2023('上海示例科技有限公司', false);
      for (const typed of ['ＡＢＣ 有限公司', 'abc有限公司', ' ABC  有限公司 ', 'Abc 有限公司', 'ABC有限公司'])
        await add2023(typed, false);
      for (const typed of ['上海辛工厂', '上海辛工厂', '上海辛 工厂', '上海辛工厂']) await add2023(typed, false);

      const rows = await rich(2023, ['EMPLOYER']);
      expect(rows.rows.map((row) => [row.key.employer, row.learners, row.suppressed])).toEqual([
        ['上海示例科技有限公司', 5, false],
        ['ABC 有限公司', 5, false],
        ['上海示例科技有限公司', null, true],
        ['上海辛工厂', null, true],
      ]);
      const byCode = await rich(2023, [], { employer: creditCode });
      expect(byCode.rows.map((row) => [row.learners, row.suppressed])).toEqual([[5, false]]);
      const byName = await rich(2023, ['EMPLOYER'], { employer: ' 上海示例科技有限公司' });
      expect(byName.rows.map((row) => [row.key.employer, row.learners, row.suppressed])).toEqual([
        ['上海示例科技有限公司', 5, false],
        ['上海示例科技有限公司', null, true],
      ]);
      const folded = await rich(2023, [], { employer: 'abc 有限公司' });
      expect(folded.rows.map((row) => row.learners)).toEqual([5]);
    });

    it('withholds the fixed statistics’ small groups as the facts do: an institution of 4 learners, not one of 5', async () => {
      type Figures = { registrations: number | null; completed: number | null; withdrawn: number | null; suppressed: boolean };
      const result = await graph.execute<{
        programmeStatistics: Figures & {
          learners: number | null;
          byInstitution: (Figures & { institution: { code: string } })[];
        };
      }>(
        `{ programmeStatistics(year: 2021) {
            learners registrations completed withdrawn suppressed
            byInstitution { institution { code } registrations completed withdrawn suppressed }
        } }`,
        {},
        ANALYST,
      );
      expect(result.errors).toBeUndefined();
      const statistics = result.data?.programmeStatistics;
      const row = (code: string) => statistics?.byInstitution.find((figures) => figures.institution.code === code);
      // sjtu: exactly 5 learners, all completed: published whole.
      expect(row('sjtu')).toEqual({
        institution: { code: 'sjtu' },
        registrations: 5,
        completed: 5,
        withdrawn: 0,
        suppressed: false,
      });
      // shu: 4 learners (one withdrew); engineers-society: 3. Both withheld, together 7.
      const withheld = { registrations: null, completed: null, withdrawn: null, suppressed: true };
      expect(row('shu')).toEqual({ institution: { code: 'shu' }, ...withheld });
      expect(row('engineers-society')).toEqual({ institution: { code: 'engineers-society' }, ...withheld });
      expect(statistics).toMatchObject({ learners: expect.any(Number), registrations: expect.any(Number) });
      // The year's withdrawals are 1 learner's at shu, withheld; its total less the published rows is
      // shu's and engineers-society's together, never one of them.
      expect(statistics?.withdrawn).toBeNull();
      const published = (statistics?.byInstitution ?? []).filter((figures) => !figures.suppressed);
      const hidden =
        (statistics?.registrations ?? 0) - published.reduce((total, figures) => total + (figures.registrations ?? 0), 0);
      expect(hidden).toBe(7);
    });

    it('counts a learner at two institutions once in the year and once at each, and a learner twice at one once there', async () => {
      // 2025, a year nothing else counts. Five learners at both sjtu and the association; four at shu, one
      // of them on two courses. Counting per institution, or registrations, would publish shu (5) and
      // give the year 14 learners.
      const registry = graph.subgraph('registry').database;
      const taken = (institution: string, course: string): Taken => ({
        institution,
        course,
        status: 'PAID',
        registeredAt: '2025-03-03T02:00:00Z',
        year: 2025,
      });
      for (const _ of times(5, (index) => index)) {
        await learnerWith(registry, '上海癸公司', [taken('sjtu', '2025-data'), taken('association', '2025-ethics')]);
      }
      for (const index of times(4, (index) => index)) {
        await learnerWith(registry, '上海癸公司', [taken('shu', '2025-ai'), ...(index === 0 ? [taken('shu', '2025-law')] : [])]);
      }
      type Figures = { registrations: number | null; paid: number | null; suppressed: boolean };
      const result = await graph.execute<{
        programmeStatistics: Figures & {
          learners: number | null;
          byInstitution: (Figures & { institution: { code: string } })[];
        };
      }>(
        '{ programmeStatistics(year: 2025) { learners registrations paid suppressed byInstitution { institution { code } registrations paid suppressed } } }',
        {},
        ANALYST,
      );
      expect(result.errors).toBeUndefined();
      const statistics = result.data?.programmeStatistics;
      expect(statistics).toMatchObject({ learners: 9, registrations: 15, paid: 15, suppressed: false });
      const rows = Object.fromEntries(
        (statistics?.byInstitution ?? []).map(({ institution, ...figures }) => [institution.code, figures]),
      );
      // shu's 4 learners are withheld, and with them the smaller of the other two (tied at 5: the first by code).
      expect(rows['sjtu']).toEqual({ registrations: 5, paid: 5, suppressed: false });
      expect(rows['shu']).toEqual({ registrations: null, paid: null, suppressed: true });
      expect(rows['association']).toEqual({ registrations: null, paid: null, suppressed: true });
    });

    it('withholds a cycle of 4 learners with credit whole, and of 5 only the counts that describe or leave 1–4', async () => {
      // The 2026–2028 cycle, which no other case reaches: 6 hours of required credit each, none compliant.
      const registry = graph.subgraph('registry').database;
      const CYCLE =
        '{ cycleCompliance(startYear: 2026) { learnersWithCredit compliant requiredShort totalShort suppressed csv } }';
      const credited = async () => {
        const learner = await learnerWith(registry, '上海壬公司', [
          {
            institution: 'shu',
            course: '2026-ai',
            status: 'COMPLETED',
            registeredAt: '2026-03-06T02:00:00Z',
            year: 2026,
            credit: [360],
          },
        ]);
        // Of that cycle, so no 2021 answer counts them.
        await registry.db.update(learners).set({ cycleStartYear: 2026 }).where(eq(learners.id, learner.id));
      };
      for (const _ of times(4, (index) => index)) await credited();
      const four = await graph.execute<{ cycleCompliance: Record<string, unknown> }>(CYCLE, {}, ANALYST);
      expect(four.data?.cycleCompliance).toMatchObject({
        learnersWithCredit: null,
        compliant: null,
        requiredShort: null,
        totalShort: null,
        suppressed: true,
      });
      await credited();
      const five = await graph.execute<{ cycleCompliance: Record<string, unknown> }>(CYCLE, {}, ANALYST);
      expect(five.data?.cycleCompliance).toMatchObject({
        learnersWithCredit: 5,
        compliant: 0,
        requiredShort: 5,
        totalShort: 5,
        suppressed: false,
      });
    });
  });
});
