import { creditVisibleFrom, isValidIdNumber } from '@xueshi/domain';
import { INSTITUTION_CODES } from '@xueshi/institutions';
import type { InstitutionCode } from '@xueshi/institutions';
import type { Database } from '@xueshi/subgraph-kit';
import { openTestDatabase } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALE_AS_OF, loadScaleData, scaleIdNumber, scaleRefusal } from '../../bench/scale';
import type { ScaleDatabases, ScaleSummary } from '../../bench/scale';
import { INSTITUTION_SERVICES, REGISTRY_SERVICE } from '../../bench/seedScale';

const LEARNERS = 100;

/** Every scale row the registry holds, as one text per table, to tell a reload that changed anything. */
async function fingerprint(registry: Database): Promise<Record<string, string>> {
  const tables = {
    learners: 'select id, id_number, name, cycle_start_year from learners order by id',
    registrations:
      'select id, learner_id, session_id, status, minutes, fee_fen, paid_at, ended_at from registrations order by id',
    payments: 'select id, registration_id, status, amount_fen from payments order by id',
    refunds: 'select id, payment_id, amount_fen from refunds order by id',
    invoices: 'select id, number, amount_fen from invoices order by id',
    invoiceCounters: 'select institution, year, last_number from invoice_counters order by institution, year',
    outcomes: 'select registration_id, exam_passed from outcomes order by registration_id',
    credit: 'select id, registration_id, minutes, completed_on, visible_from, reverses from credit_entries order by id',
  };
  const prints: Record<string, string> = {};
  for (const [name, query] of Object.entries(tables)) prints[name] = JSON.stringify(await registry.raw.query(query));
  return prints;
}

/*
 * `pnpm seed:scale` at a small size (100 learners, 1,000 registrations) into the suite's database:
 * loading twice changes nothing, and the data keeps the plan's rules. The full 100,000-learner load is
 * timed by hand (docs/performance.md), never here.
 */
describe('scale data', () => {
  let databases: ScaleDatabases;
  const opened: Database[] = [];
  let first: ScaleSummary;
  let second: ScaleSummary;
  let before: Record<string, string>;
  let after: Record<string, string>;

  beforeAll(async () => {
    const [registry, ...others] = await Promise.all([
      openTestDatabase('scale_registry', REGISTRY_SERVICE.migrations),
      ...INSTITUTION_CODES.map((code) => openTestDatabase(`scale_${code}`, INSTITUTION_SERVICES[code].migrations)),
    ]);
    if (!registry) throw new Error('the registry database did not open');
    opened.push(registry, ...others);
    const institutions = Object.fromEntries(INSTITUTION_CODES.map((code, index) => [code, others[index]])) as Record<
      InstitutionCode,
      Database
    >;
    databases = { registry, institutions };
    first = await loadScaleData(databases, { learners: LEARNERS });
    before = await fingerprint(registry);
    second = await loadScaleData(databases, { learners: LEARNERS });
    after = await fingerprint(registry);
  });
  afterAll(() => Promise.all(opened.map((database) => database.close())));

  it('is refused in production and without a PostgreSQL database', () => {
    expect(scaleRefusal({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toMatch(/production/);
    expect(scaleRefusal({ NODE_ENV: 'development' })).toMatch(/DATABASE_URL/);
    expect(scaleRefusal({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db/x' })).toBeNull();
  });

  it('loads ten registrations and ten credit entries per learner, and the same again when loaded twice', () => {
    expect(first).toMatchObject({ learners: LEARNERS, registrations: 10 * LEARNERS, creditEntries: 10 * LEARNERS });
    expect(first.payments).toBeGreaterThan(8 * LEARNERS);
    expect(first.invoices).toBeGreaterThan(LEARNERS);
    expect(second).toEqual(first);
    expect(after).toEqual(before);
  });

  it('gives every learner a valid ID number of their own', async () => {
    const rows = await databases.registry.raw.query<{ id_number: string }>('select id_number from learners');
    expect(rows.every((row) => isValidIdNumber(row.id_number, SCALE_AS_OF))).toBe(true);
    expect(new Set(rows.map((row) => row.id_number)).size).toBe(rows.length);
    const numbers = Array.from({ length: 20_000 }, (_unused, index) => scaleIdNumber(index + 1));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('registers learners for their course’s own sessions, within capacity, with the course’s hours and fee', async () => {
    const sessions = new Map<
      string,
      { course_id: string; capacity: number | null; minutes: number; fee_fen: number; year: number }
    >();
    for (const code of INSTITUTION_CODES) {
      const rows = await databases.institutions[code].raw.query<{
        id: string;
        course_id: string;
        capacity: number | null;
        minutes: number;
        fee_fen: number;
        year: number;
      }>(
        'select s.id, s.course_id, s.capacity, c.minutes, c.fee_fen, c.year from sessions s join courses c on c.id = s.course_id',
      );
      for (const row of rows) sessions.set(row.id, row);
    }
    const registrations = await databases.registry.raw.query<{
      session_id: string;
      course_id: string;
      year: number;
      minutes: number;
      fee_fen: number;
      status: string;
    }>('select session_id, course_id, year, minutes, fee_fen, status from registrations');
    const seats = new Map<string, number>();
    for (const registration of registrations) {
      const session = sessions.get(registration.session_id);
      expect(session, registration.session_id).toBeDefined();
      expect([session?.course_id, session?.year, session?.minutes, session?.fee_fen]).toEqual([
        registration.course_id,
        registration.year,
        registration.minutes,
        registration.fee_fen,
      ]);
      if (['PAID', 'COMPLETED'].includes(registration.status)) {
        seats.set(registration.session_id, (seats.get(registration.session_id) ?? 0) + 1);
      }
    }
    for (const [id, taken] of seats) expect(taken).toBeLessThanOrEqual(sessions.get(id)?.capacity ?? Infinity);
  });

  it('credits completed registrations with their hours, visible from the 10th working day, and nothing else', async () => {
    const entries = await databases.registry.raw.query<{
      registration_id: string | null;
      minutes: number;
      completed_on: string;
      visible_from: string;
      status: string | null;
      registered_minutes: number | null;
      year: number;
      registered_year: number | null;
    }>(
      `select c.registration_id, c.minutes, c.completed_on::text, c.visible_from::text, c.year, r.status,
              r.minutes as registered_minutes, r.year as registered_year
       from credit_entries c left join registrations r on r.id = c.registration_id where c.reverses is null`,
    );
    for (const entry of entries) {
      expect(entry.visible_from).toBe(creditVisibleFrom(entry.completed_on));
      expect(entry.completed_on < SCALE_AS_OF).toBe(true);
      if (entry.registration_id === null) continue;
      expect([entry.status, entry.minutes, entry.year]).toEqual(['COMPLETED', entry.registered_minutes, entry.registered_year]);
    }
    const [uncredited] = await databases.registry.raw.query<{ count: number }>(
      `select count(*)::int as count from registrations r
       where r.status = 'COMPLETED' and not exists (select from credit_entries c where c.registration_id = r.id)`,
    );
    expect(uncredited?.count).toBe(0);
  });

  it('charges what was agreed, refunds what was withdrawn and numbers invoices without gaps the counters do not know', async () => {
    const [money] = await databases.registry.raw.query<{ wrong: number; unrefunded: number; counters: number }>(
      `select (select count(*)::int from payments p join registrations r on r.id = p.registration_id
               where p.amount_fen <> r.fee_fen or (p.status = 'SUCCEEDED' and r.paid_at is null))
            + (select count(*)::int from registrations r where r.paid_at is not null and not exists
               (select from payments p where p.registration_id = r.id and p.status = 'SUCCEEDED')) as wrong,
              (select count(*)::int from registrations r where r.status = 'WITHDRAWN' and r.paid_at is not null
               and not exists (select from refunds f join payments p on p.id = f.payment_id
                               where p.registration_id = r.id and f.amount_fen = r.refund_fen)) as unrefunded,
              (select count(*)::int from invoice_counters k
               where k.last_number <> (select count(*) from invoices i
                 where i.institution = k.institution and left(i.number, 4) = k.year::text)) as counters`,
    );
    expect(money).toEqual({ wrong: 0, unrefunded: 0, counters: 0 });
  });

  it('spreads learners as Shanghai does: most at one to three institutions, a few with long histories', async () => {
    const spread = await databases.registry.raw.query<{ institutions: number; learners: number }>(
      `select institutions, count(*)::int as learners
       from (select learner_id, count(distinct institution)::int as institutions from registrations group by learner_id) per
       group by institutions`,
    );
    const count = (test: (institutions: number) => boolean) =>
      spread.filter((row) => test(row.institutions)).reduce((sum, row) => sum + row.learners, 0);
    expect(count((institutions) => institutions <= 3)).toBeGreaterThan(0.8 * LEARNERS);
    expect(count((institutions) => institutions === INSTITUTION_CODES.length)).toBeGreaterThan(0);
  });
});
