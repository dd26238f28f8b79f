// Scale data for `pnpm bench --scale` and `pnpm seed:scale` (ADR 0026): learners with years of history
// across every institution, loaded in bulk. Per-learner facts (ID numbers, names, which courses in
// which years) are drawn here from a seeded generator and sent as one JSON document; the registry then
// expands them into registrations, payments, outcomes, credit entries and invoices with INSERT … SELECT
// inside PostgreSQL, in one transaction. Every row has a deterministic id and is inserted with
// `on conflict do nothing`, so loading twice leaves the same data.
import { randomBytes } from 'node:crypto';
import { addCalendarDays, creditVisibleFrom, dayOfWeek, idNumberCheckCharacter, isWorkingDay } from '@xueshi/domain';
import { INSTITUTIONS } from '@xueshi/institutions';
import { PLAN_REQUIRED_COURSES, programmeYearOpensAt } from '@xueshi/institutions/plan';
import type { InstitutionCode } from '@xueshi/institutions';
import { liveSessions, requiredCourse, seedInstitution } from '@xueshi/institutions/subgraph';
import type { CourseSeed } from '@xueshi/institutions/subgraph';
import { yearOfCourseware } from '@xueshi/elective-provider';
import { hashPassword } from '@xueshi/registry/passwords';
import type { Database, TokenSigner } from '@xueshi/subgraph-kit';

export const SCALE_YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
/** The day the history runs up to: sessions ending before it are over and reported, later ones paid and waiting. */
export const SCALE_AS_OF = '2026-12-01';
/** Registrations per learner, and credit entries per learner, on average. */
const PER_LEARNER = 10;
const LIVE_CAPACITY = 300;
const MAX_LIVE_SESSIONS_PER_YEAR = 80;
/** Learners per live session and year, which sizes the number of sessions to the data. */
const LEARNERS_PER_SESSION = 1250;

export interface ScaleOptions {
  learners: number;
  /** Seconds and counts as each step ends, for the command line. */
  log?: (line: string) => void;
}

export interface ScaleDatabases {
  registry: Database;
  institutions: Record<InstitutionCode, Database>;
}

export interface ScaleSummary {
  learners: number;
  sessions: number;
  registrations: number;
  creditEntries: number;
  payments: number;
  refunds: number;
  invoices: number;
  outcomes: number;
}

/** Why the scale data may not be loaded or used with this environment, or null when it may. */
export function scaleRefusal(env: Record<string, string | undefined>): string | null {
  if (env['NODE_ENV'] === 'production') return 'scale data is never loaded or measured in production (NODE_ENV=production)';
  if (!env['DATABASE_URL']) return 'scale data needs DATABASE_URL: it lives in PostgreSQL only, never in the embedded demo';
  return null;
}

/** mulberry32: a small seeded generator, so the same learner number always draws the same facts. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SHANGHAI_DISTRICTS = [
  '310101',
  '310104',
  '310105',
  '310106',
  '310107',
  '310109',
  '310110',
  '310112',
  '310113',
  '310114',
  '310115',
  '310116',
  '310117',
  '310118',
  '310120',
  '310151',
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '华',
  '红',
  '建国',
  '志强',
  '海燕',
  '晓东',
  '雪梅',
  '浩然',
  '子涵',
  '欣怡',
  '宇轩',
  '思远',
];
const EMPLOYER_PLACES = [
  '浦东',
  '徐汇',
  '长宁',
  '静安',
  '普陀',
  '虹口',
  '杨浦',
  '闵行',
  '宝山',
  '嘉定',
  '松江',
  '青浦',
  '奉贤',
  '金山',
  '崇明',
  '临港',
];
const EMPLOYER_TRADES = [
  '电力设计院',
  '建筑工程',
  '机电设备',
  '信息技术',
  '生物医药',
  '化工',
  '汽车零部件',
  '环境科技',
  '市政设计院',
  '智能制造',
  '集成电路',
  '检测技术',
];
const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '158', '177', '180', '186', '189', '199'];
const LIVE_CODES = INSTITUTIONS.flatMap((entry) => (PLAN_REQUIRED_COURSES[entry.code] ? [entry.code] : []));

/**
 * An ID number for learner `n`: a Shanghai district, a birth day from 1962 and a sequence number, all
 * from `n` without collisions (for a fixed sequence the birth day is a bijection of n ÷ 1000), with its
 * GB 11643 check character.
 */
export function scaleIdNumber(n: number): string {
  const sequence = n % 1000;
  const block = Math.floor(n / 1000);
  const birth = addCalendarDays('1962-01-01', (block * 131 + sequence * 7) % 13_870);
  const district = SHANGHAI_DISTRICTS[block % SHANGHAI_DISTRICTS.length] ?? '310101';
  const first17 = `${district}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

interface LearnerPlan {
  n: number;
  id_number: string;
  name: string;
  mobile: string;
  employer: string;
  /** How many registrations the learner has. */
  k: number;
  /** What the learner takes, in order of preference: `live:<institution>` or `cw:<courseware key>`. */
  menu: string;
  /** The years the learner is active: start_year … start_year + span − 1. */
  span: number;
  start_year: number;
  cycle_start_year: number;
}

/**
 * Who the learners are and what they take. Most attend 1–3 institutions for two or three years with
 * a few courseware courses; one in fifty has a long history at every institution. The numbers of
 * registrations are then scaled to exactly PER_LEARNER × learners.
 */
export function learnerPlans(count: number): LearnerPlan[] {
  const courseware = yearOfCourseware(SCALE_YEARS[0]).map((seed) => seed.course.id.split(':')[2]?.slice(5) ?? '');
  const drafts = Array.from({ length: count }, (_unused, index) => {
    const n = index + 1;
    const random = generator(n * 2_654_435_761);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const long = n % 50 === 0;
    const liveCount = long ? LIVE_CODES.length : pick([0, 1, 1, 1, 1, 2, 2, 2, 3, 3]);
    const offset = Math.floor(random() * LIVE_CODES.length);
    const live = Array.from({ length: liveCount }, (_value, i) => LIVE_CODES[(offset + i) % LIVE_CODES.length] ?? 'sjtu');
    const coursewareCount = long ? courseware.length : 2 + Math.floor(random() * 5);
    const cwOffset = Math.floor(random() * courseware.length);
    const electives = Array.from(
      { length: coursewareCount },
      (_value, i) => courseware[(cwOffset + i) % courseware.length] ?? '',
    );
    const menu: string[] = [];
    for (let i = 0; i < Math.max(live.length, electives.length); i += 1) {
      if (live[i]) menu.push(`live:${live[i]}`);
      if (electives[i]) menu.push(`cw:${electives[i]}`);
    }
    const span = long ? SCALE_YEARS.length : pick([1, 2, 2, 3, 3, 3, 4, 5, 6]);
    const startYear = SCALE_YEARS[0] + Math.floor(random() * (SCALE_YEARS.length - span + 1));
    const weight = long ? 6 + random() * 3 : 0.5 + random();
    return {
      n,
      id_number: scaleIdNumber(n),
      name: `${pick([...SURNAMES])}${pick(GIVEN)}${random() < 0.5 ? pick(GIVEN) : ''}`,
      mobile: `${pick(MOBILE_PREFIXES)}${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`,
      employer: `上海${pick(EMPLOYER_PLACES)}${pick(EMPLOYER_TRADES)}有限公司`,
      k: 0,
      menu: menu.join(','),
      span,
      start_year: startYear,
      cycle_start_year: startYear <= 2023 ? 2021 : 2024,
      weight,
      capacity: span * menu.length,
    };
  });
  const total = PER_LEARNER * count;
  const weights = drafts.reduce((sum, draft) => sum + draft.weight, 0);
  let assigned = 0;
  for (const draft of drafts) {
    draft.k = Math.max(1, Math.min(draft.capacity, Math.round((draft.weight / weights) * total)));
    assigned += draft.k;
  }
  // Rounding and the caps leave a small difference: walk the learners adding or removing one at a time.
  for (let index = 0; assigned !== total; index = (index + 1) % drafts.length) {
    const draft = drafts[index];
    if (!draft) break;
    if (assigned < total && draft.k < draft.capacity) {
      draft.k += 1;
      assigned += 1;
    } else if (assigned > total && draft.k > 1) {
      draft.k -= 1;
      assigned -= 1;
    }
  }
  return drafts.map(({ weight: _weight, capacity: _capacity, ...plan }) => plan);
}

/** First days of a live course's sessions in `year`: working days Monday–Thursday whose course days are all working days, spread from March to mid-December. */
export function scaleFirstDays(code: InstitutionCode, year: number, count: number): string[] {
  const days = PLAN_REQUIRED_COURSES[code]?.days ?? 1;
  const candidates: string[] = [];
  for (let day = `${year}-03-01`; day <= `${year}-12-15`; day = addCalendarDays(day, 1)) {
    const span = Array.from({ length: days }, (_value, i) => addCalendarDays(day, i));
    if (dayOfWeek(day) <= 4 && span.every((each) => isWorkingDay(each))) candidates.push(day);
  }
  const shift = LIVE_CODES.indexOf(code);
  return Array.from({ length: Math.min(count, candidates.length) }, (_value, i) => {
    const index = Math.floor(((i + shift / LIVE_CODES.length) * candidates.length) / count);
    return candidates[Math.min(index, candidates.length - 1)] ?? '';
  }).filter((day, i, all) => day !== '' && all.indexOf(day) === i);
}

/** The courses and sessions each institution holds in the scale data. */
export function scaleCatalogue(learners: number): Map<InstitutionCode, CourseSeed[]> {
  const perYear = Math.max(2, Math.min(MAX_LIVE_SESSIONS_PER_YEAR, Math.ceil(learners / LEARNERS_PER_SESSION)));
  const catalogue = new Map<InstitutionCode, CourseSeed[]>();
  for (const code of LIVE_CODES) {
    catalogue.set(
      code,
      SCALE_YEARS.map((year) => {
        const course = requiredCourse(code, year);
        return { course, sessions: liveSessions(course, scaleFirstDays(code, year, perYear), { capacity: LIVE_CAPACITY }) };
      }),
    );
  }
  catalogue.set(
    'elective-provider',
    SCALE_YEARS.flatMap((year) => yearOfCourseware(year)),
  );
  return catalogue;
}

const timer = (log: (line: string) => void) => {
  const began = performance.now();
  return (what: string) => log(`${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s  ${what}`);
};

/** Loads the scale data; refuses nothing itself (the command line refuses production and a missing DATABASE_URL). */
export async function loadScaleData(databases: ScaleDatabases, options: ScaleOptions): Promise<ScaleSummary> {
  if (!Number.isSafeInteger(options.learners) || options.learners < 10 || options.learners > 1_000_000) {
    throw new RangeError(`learners must be a whole number from 10 to 1,000,000, got ${options.learners}`);
  }
  const step = timer(options.log ?? (() => undefined));
  const catalogue = scaleCatalogue(options.learners);

  const courseRows: Record<string, unknown>[] = [];
  const sessionRows: Record<string, unknown>[] = [];
  for (const [code, seeds] of catalogue) {
    const database = databases.institutions[code];
    await seedInstitution(database.db, code, seeds);
    // Read back what the institution holds: a session that existed before (the plan's) keeps its own facts.
    const courseIds = JSON.stringify(seeds.map((seed) => seed.course.id));
    const sessionIds = JSON.stringify(seeds.flatMap((seed) => seed.sessions.map((session) => session.id)));
    const held = await database.raw.query<{ id: string; year: number; key: string }>(
      `select id, year, title, category, minutes, fee_fen, split_part(id, ':', 3) as key from courses
       where id in (select json_array_elements_text($1::json)) order by id`,
      [courseIds],
    );
    for (const { key, ...course } of held) {
      const local = key.slice(`${course.year}-`.length);
      courseRows.push({
        ...course,
        course_id: course.id,
        institution: code,
        item: code === 'elective-provider' ? `cw:${local}` : `live:${code}`,
      });
    }
    sessionRows.push(
      ...(await database.raw.query(
        `select id as session_id, course_id, (row_number() over (order by starts_at, id))::int as ord, capacity,
                delivery_mode, starts_at, ends_at, first_day::text, last_day::text, registration_opens_at as opens_at,
                registration_closes_at as closes_at
         from sessions where id in (select json_array_elements_text($1::json))`,
        [sessionIds],
      )),
    );
  }
  step(`${sessionRows.length} sessions of ${courseRows.length} courses at ${catalogue.size} institutions`);

  const plans = learnerPlans(options.learners);
  const visible: { day: string; visible: string }[] = [];
  for (let day = `${SCALE_YEARS[0]}-01-01`; day <= SCALE_AS_OF; day = addCalendarDays(day, 1)) {
    visible.push({ day, visible: creditVisibleFrom(day) });
  }
  // Nobody knows this password: scale learners are signed in by tokens the bench mints, never by password.
  const passwordHash = await hashPassword(randomBytes(24).toString('base64'));
  step(`${plans.length} learner plans drawn`);

  const summary = await databases.registry.raw.transaction(async (tx) => {
    const json = (rows: unknown[]) => [JSON.stringify(rows)];
    await tx.exec(`set local work_mem = '256MB'`);
    // As pg_restore --disable-triggers does, a superuser loads without a foreign-key check per row (most of
    // the load's time); every reference is checked once at the end, with one anti-join per key, instead.
    // The append-only triggers fire on update and delete only, which the load never does.
    const [role] = await tx.query<{ super: boolean }>(`select rolsuper as super from pg_roles where rolname = current_user`);
    if (role?.super) await tx.exec(`set local session_replication_role = replica`);
    await tx.exec(`
      create temp table scale_courses (item text, year int, course_id text, institution text, title text,
        category text, minutes int, fee_fen int) on commit drop;
      create temp table scale_sessions (session_id text, course_id text, ord int, capacity int, delivery_mode text,
        starts_at timestamptz, ends_at timestamptz, first_day date, last_day date, opens_at timestamptz,
        closes_at timestamptz) on commit drop;
      create temp table scale_learners (n int, learner_id uuid, id_number text, name text, mobile text, employer text,
        k int, menu text[], span int, start_year int, cycle_start_year int) on commit drop;
      create temp table scale_visible (day date primary key, visible date) on commit drop;`);
    await tx.query(
      `insert into scale_courses select * from json_to_recordset($1::json) as x(item text, year int, course_id text,
         institution text, title text, category text, minutes int, fee_fen int)`,
      json(courseRows),
    );
    await tx.query(
      `insert into scale_sessions select * from json_to_recordset($1::json) as x(session_id text, course_id text, ord int,
         capacity int, delivery_mode text, starts_at timestamptz, ends_at timestamptz, first_day date, last_day date,
         opens_at timestamptz, closes_at timestamptz)`,
      json(sessionRows),
    );
    await tx.query(
      `insert into scale_visible select * from json_to_recordset($1::json) as x(day date, visible date)`,
      json(visible),
    );
    await tx.query(
      `insert into scale_learners
       select n, md5('xueshi-scale:learner:' || n)::uuid, id_number, name, mobile, employer, k,
              string_to_array(menu, ','), span, start_year, cycle_start_year
       from json_to_recordset($1::json) as x(n int, id_number text, name text, mobile text, employer text, k int,
         menu text, span int, start_year int, cycle_start_year int)`,
      json(plans),
    );
    await tx.query(
      `insert into programme_years (year, registration_opens_at, is_sample)
       select * from json_to_recordset($1::json) as x(year int, registration_opens_at timestamptz, is_sample boolean)
       on conflict do nothing`,
      json(
        SCALE_YEARS.map((year) => {
          const { opensAt, isSample } = programmeYearOpensAt(year);
          return { year, registration_opens_at: opensAt, is_sample: isSample };
        }),
      ),
    );
    await tx.query(
      `insert into learners (id, id_number, name, mobile, employer, password_hash, cycle_start_year, created_at,
         mobile_verified_at)
       select learner_id, id_number, name, mobile, employer, $1, cycle_start_year,
              make_timestamptz(start_year - 1, 12, 1, 9, 0, 0, 'UTC') + n * interval '1 second',
              make_timestamptz(start_year - 1, 12, 1, 9, 0, 0, 'UTC') + n * interval '1 second'
       from scale_learners
       on conflict do nothing`,
      [passwordHash],
    );
    step('learners');

    // Each slot j of learner n is one (course, year) of their menu: year start + j mod span, item j ÷ span.
    // A live registration takes the seat of its rank within the course, seats being dealt round the
    // course's sessions, so no session ever holds more registrations than it has seats.
    await tx.exec(`
      create temp table scale_slots on commit drop as
      select l.n, j, l.learner_id, c.course_id, c.institution, c.year, c.title, c.category, c.minutes, c.fee_fen,
             c.item like 'cw:%' as courseware, (l.n * 31 + j * 17) % 100 as u, (l.n * 7 + j * 13) % 97 as v,
             row_number() over (partition by c.course_id order by l.n, j) - 1 as place
      from scale_learners l
      join learners on learners.id = l.learner_id and learners.id_number = l.id_number
      cross join lateral generate_series(0, l.k - 1) as j
      join scale_courses c on c.item = l.menu[j / l.span + 1] and c.year = l.start_year + j % l.span;
      create temp table scale_seats on commit drop as
      select s.course_id, s.session_id, row_number() over (partition by s.course_id order by g, s.ord) - 1 as seat
      from scale_sessions s cross join lateral generate_series(0, s.capacity - 1) as g
      where s.capacity is not null;
      create index on scale_seats (course_id, seat);`);
    const asOf = `timestamptz '${SCALE_AS_OF} 00:00+08'`;
    await tx.exec(`
      create temp table scale_registrations on commit drop as
      with chosen as (
        select slot.*, coalesce(seat.session_id, cw.session_id) as session_id
        from scale_slots slot
        left join scale_seats seat on not slot.courseware and seat.course_id = slot.course_id and seat.seat = slot.place
        left join scale_sessions cw on slot.courseware and cw.course_id = slot.course_id
      ), placed as (
        select slot.*, s.delivery_mode, s.starts_at, s.ends_at, s.first_day, s.last_day,
               s.opens_at + (least(s.closes_at, ${asOf}) - s.opens_at) * (slot.v / 100.0)
                 * (case when slot.courseware then 0.8 else 0.97 end) as registered_at,
               s.last_day < date '${SCALE_AS_OF}' and not slot.courseware as live_over,
               slot.courseware and slot.year < ${SCALE_YEARS[SCALE_YEARS.length - 1]} as courseware_over
        from chosen slot join scale_sessions s on s.session_id = slot.session_id
      ), decided as (
        select placed.*,
          case
            when live_over then case when u < 84 then 'COMPLETED' when u < 87 then 'FAILED'
                                     when u < 93 then 'WITHDRAWN' else 'EXPIRED' end
            when not courseware then case when u < 88 then 'PAID' when u < 94 then 'WITHDRAWN' else 'EXPIRED' end
            when courseware_over then case when u < 90 then 'COMPLETED' else 'EXPIRED' end
            else case when u < 70 then 'COMPLETED' when u < 95 then 'PAID' else 'EXPIRED' end
          end as status
        from placed
      )
      select md5('xueshi-scale:registration:' || n || ':' || j)::uuid as id, n, j, learner_id, session_id, course_id,
             institution, year, title, category, minutes, fee_fen, status, registered_at, delivery_mode, starts_at, ends_at,
             first_day, last_day, courseware, courseware_over, u,
             registered_at + interval '30 minutes' as hold_expires_at,
             case when status in ('COMPLETED', 'FAILED', 'PAID') or (status = 'WITHDRAWN' and u % 2 = 0)
                    or (status = 'EXPIRED' and courseware_over and u >= 95)
                  then registered_at + (5 + u % 20) * interval '1 minute' end as paid_at,
             case
               when status in ('COMPLETED', 'FAILED') and not courseware then ((last_day + 1) + time '02:00') at time zone 'UTC'
               when status = 'COMPLETED' then least(registered_at + (3 + u % 40) * interval '1 day',
                 ${asOf} - interval '1 day', make_timestamptz(year, 12, 30, 0, 0, 0, 'UTC'))
               when status = 'WITHDRAWN' then least(registered_at + (starts_at - registered_at) / 2, ${asOf})
               when status = 'EXPIRED' then registered_at + interval '30 minutes'
             end as ended_at
      from decided;
      alter table scale_registrations add column refund_fen int;
      update scale_registrations set refund_fen = fee_fen where status = 'WITHDRAWN' and paid_at is not null;
      update scale_registrations set ended_at = make_timestamptz(year, 12, 31, 15, 59, 59.999, 'UTC')
        where status = 'EXPIRED' and paid_at is not null;
      create index on scale_registrations (id);`);
    step('registrations planned');

    await tx.exec(`
      insert into registrations (id, learner_id, session_id, course_id, institution, year, course_title, category,
        minutes, fee_fen, status, registered_at, hold_expires_at, ended_at, delivery_mode, session_starts_at,
        session_ends_at, first_day, last_day, paid_at, access_expires_at, refund_fen)
      select id, learner_id, session_id, course_id, institution, year, title, category, minutes, fee_fen, status,
             registered_at, hold_expires_at, ended_at, delivery_mode, starts_at, ends_at, first_day, last_day, paid_at,
             case when courseware and paid_at is not null then make_timestamptz(year, 12, 31, 15, 59, 59.999, 'UTC') end,
             refund_fen
      from scale_registrations
      on conflict do nothing;`);
    step('registrations');

    await tx.exec(`
      insert into payments (id, registration_id, learner_id, idempotency_key, amount_fen, status, provider,
        provider_reference, failure_reason, created_at, completed_at)
      select md5('xueshi-scale:payment:' || id)::uuid, id, learner_id, 'scale-' || id, fee_fen, 'SUCCEEDED', 'sandbox',
             'sandbox-scale-' || left(id::text, 8), null, paid_at, paid_at
      from scale_registrations where paid_at is not null
      union all
      select md5('xueshi-scale:failed-payment:' || id)::uuid, id, learner_id, 'scale-failed-' || id, fee_fen, 'FAILED',
             'sandbox', null, '支付未完成（银行卡余额不足）', paid_at - interval '3 minutes', paid_at - interval '2 minutes'
      from scale_registrations where paid_at is not null and u % 20 = 7
      on conflict do nothing;
      insert into refunds (id, payment_id, amount_fen, status, provider_reference, created_at, completed_at)
      select md5('xueshi-scale:refund:' || id)::uuid, md5('xueshi-scale:payment:' || id)::uuid, refund_fen, 'SUCCEEDED',
             'sandbox-refund-' || left(id::text, 8), ended_at, ended_at + interval '1 minute'
      from scale_registrations where refund_fen is not null
      on conflict do nothing;
      insert into outcomes (registration_id, attended_fully, exam_passed, reported_by, reported_at)
      select id, true, status = 'COMPLETED', institution || '-staff', ended_at
      from scale_registrations where status in ('COMPLETED', 'FAILED')
      on conflict do nothing;`);
    step('payments, refunds and outcomes');

    // Invoices for three in ten paid registrations that were never refunded, numbered per institution and
    // year of issue as the registry numbers them; the counters then continue after the highest number.
    await tx.exec(`
      create temp table scale_invoices on commit drop as
      select r.id, r.learner_id, r.institution, r.title, r.fee_fen, r.paid_at + interval '1 hour' as issued_at,
             extract(year from (r.paid_at at time zone 'UTC') + interval '8 hours')::int as issue_year
      from scale_registrations r where r.paid_at is not null and r.refund_fen is null and (r.n + r.j) % 10 < 3;
      create temp table scale_numbered on commit drop as
      select i.*, row_number() over (partition by institution, issue_year order by issued_at, id) as sequence
      from scale_invoices i;`);
    const issuers = INSTITUTIONS.map((entry) => `('${entry.code}', ${entry.invoiceIssuerNumber})`).join(', ');
    await tx.exec(`
      insert into invoices (id, payment_id, learner_id, number, institution, kind, title, credit_code, amount_fen, item,
        issued_at)
      select md5('xueshi-scale:invoice:' || i.id)::uuid, md5('xueshi-scale:payment:' || i.id)::uuid, i.learner_id,
             i.issue_year || lpad(issuer.number::text, 2, '0') || lpad(i.sequence::text, 8, '0'), i.institution,
             'PERSONAL', learners.name, null, i.fee_fen, '继续教育培训费（' || i.title || '）', i.issued_at
      from scale_numbered i
      join (values ${issuers}) as issuer (code, number) on issuer.code = i.institution
      join learners on learners.id = i.learner_id
      on conflict do nothing;
      insert into invoice_counters (institution, year, last_number)
      select institution, issue_year, max(sequence) from scale_numbered group by institution, issue_year
      on conflict (institution, year) do update
        set last_number = greatest(invoice_counters.last_number, excluded.last_number);`);
    step('invoices');

    const [completed] = await tx.query<{ count: number }>(
      `select count(*)::int as count from scale_registrations where status = 'COMPLETED'`,
    );
    // The ledger also holds credit recorded by hand (approved lecture-type courses), one in a hundred of
    // them later reversed, so that it has PER_LEARNER entries per learner in all.
    const rest = Math.max(0, PER_LEARNER * options.learners - (completed?.count ?? 0));
    let manual = rest - Math.floor(rest / 101);
    while (manual + Math.floor(manual / 100) < rest) manual += 1;
    while (manual + Math.floor(manual / 100) > rest) manual -= 1;
    await tx.exec(`
      insert into credit_entries (id, learner_id, registration_id, course_title, institution, category, year, minutes,
        completed_on, visible_from, reverses, reason, recorded_by, recorded_at)
      select md5('xueshi-scale:credit:' || r.id)::uuid, r.learner_id, r.id, r.title, r.institution, r.category, r.year,
             r.minutes, d.day, v.visible, null, null, r.institution || '-staff', r.ended_at
      from scale_registrations r
      cross join lateral (select case when r.courseware then ((r.ended_at at time zone 'UTC') + interval '8 hours')::date else r.last_day end as day) d
      join scale_visible v on v.day = d.day
      where r.status = 'COMPLETED'
      on conflict do nothing;`);
    step('credit entries of completed registrations');
    await tx.exec(`
      create temp table scale_manual on commit drop as
      select i, md5('xueshi-scale:manual-credit:' || i)::uuid as id, l.learner_id,
             case when i % 3 = 0 then 180 else 120 end as minutes,
             date '${SCALE_YEARS[0]}-01-04' + ((i::bigint * 7919) % (date '${SCALE_AS_OF}' - date '${SCALE_YEARS[0]}-01-04'))::int as day
      from generate_series(1, ${manual}) as i
      join scale_learners l on l.n = (i::bigint * 104729) % ${options.learners} + 1
      join learners on learners.id = l.learner_id and learners.id_number = l.id_number;
      insert into credit_entries (id, learner_id, registration_id, course_title, institution, category, year, minutes,
        completed_on, visible_from, reverses, reason, recorded_by, recorded_at)
      select m.id, m.learner_id, null, '专题讲座（学时认定）', 'association', 'ELECTIVE', extract(year from m.day)::int,
             m.minutes, m.day, v.visible, null, '经审核认定的讲座类课程', 'registrar', (v.visible::timestamp - interval '8 hours') at time zone 'UTC'
      from scale_manual m join scale_visible v on v.day = m.day
      on conflict do nothing;
      insert into credit_entries (id, learner_id, registration_id, course_title, institution, category, year, minutes,
        completed_on, visible_from, reverses, reason, recorded_by, recorded_at)
      select md5('xueshi-scale:reversal:' || m.i)::uuid, m.learner_id, null, '专题讲座（学时认定）', 'association', 'ELECTIVE',
             extract(year from m.day)::int, -m.minutes, m.day, v.visible, m.id, '重复登记，予以冲销', 'registrar',
             (v.visible::timestamp - interval '8 hours') at time zone 'UTC' + interval '1 day'
      from scale_manual m join scale_visible v on v.day = m.day
      where m.i % 100 = 0
      on conflict do nothing;`);
    step('credit entries recorded by hand');

    const [oversold] = await tx.query<{ count: number }>(
      `select count(*)::int as count from (
         select s.session_id from scale_sessions s join registrations r on r.session_id = s.session_id
         where s.capacity is not null and r.status in ('AWAITING_PAYMENT', 'PAID', 'COMPLETED')
         group by s.session_id, s.capacity having count(*) > s.capacity) sold`,
    );
    if ((oversold?.count ?? 0) > 0) throw new Error(`${oversold?.count} scale sessions would be oversold`);
    const [dangling] = await tx.query<Record<string, number>>(`
      select (select count(*)::int from registrations r where not exists (select from learners l where l.id = r.learner_id))
           + (select count(*)::int from payments p where not exists (select from registrations r where r.id = p.registration_id))
           + (select count(*)::int from payments p where not exists (select from learners l where l.id = p.learner_id))
           + (select count(*)::int from refunds f where not exists (select from payments p where p.id = f.payment_id))
           + (select count(*)::int from outcomes o where not exists (select from registrations r where r.id = o.registration_id))
           + (select count(*)::int from invoices i where not exists (select from payments p where p.id = i.payment_id))
           + (select count(*)::int from invoices i where not exists (select from learners l where l.id = i.learner_id))
           + (select count(*)::int from credit_entries c where not exists (select from learners l where l.id = c.learner_id))
           + (select count(*)::int from credit_entries c
              where c.registration_id is not null and not exists (select from registrations r where r.id = c.registration_id))
           + (select count(*)::int from credit_entries c
              where c.reverses is not null and not exists (select from credit_entries e where e.id = c.reverses)) as count`);
    if ((dangling?.count ?? 0) > 0) throw new Error(`${dangling?.count} scale rows would reference rows that do not exist`);
    // The whole registry's rows: in a database of its own (as the command line and the test use it) that is the scale data.
    const [counts] = await tx.query<Record<keyof ScaleSummary, number>>(`
      select (select count(*)::int from learners) as learners,
             (select count(*)::int from scale_sessions) as sessions,
             (select count(*)::int from registrations) as registrations,
             (select count(*)::int from credit_entries) as "creditEntries",
             (select count(*)::int from payments) as payments,
             (select count(*)::int from refunds) as refunds,
             (select count(*)::int from invoices) as invoices,
             (select count(*)::int from outcomes) as outcomes`);
    return counts as unknown as ScaleSummary;
  });
  step(`loaded: ${JSON.stringify(summary)}`);
  // Vacuumed as well as analyzed: rows loaded in bulk are not yet marked all-visible, so every scan
  // of them visits the heap (index-only scans included) until autovacuum gets round to it. On
  // 2026-12-04 the analysts' aggregates took 1.5–1.7 s on a fresh load and 0.5 s once vacuumed.
  await databases.registry.raw.exec('vacuum analyze');
  step('vacuumed and analyzed');
  return summary;
}

/**
 * Tokens for the bench's scale run, minted with the key the bench gave the registry (as the tests mint
 * theirs) rather than signing in 1,000 learners through the sign-in limits: bench only, never a way in.
 * `count` learners spread over the data (a fixed pseudo-random order), the learner with the longest
 * history for the one-learner workload, 上海交通大学's staff and an analyst.
 */
export async function scaleIdentities(
  registry: Database,
  signer: TokenSigner,
  count: number,
): Promise<{ oneLearner: string; manyLearners: string[]; sjtuStaff: string; analyst: string }> {
  const ttl = 6 * 60 * 60;
  const many = await registry.raw.query<{ id: string }>(`select id from learners order by md5(id::text) limit $1`, [count]);
  if (many.length < count) throw new Error(`the scale data holds ${many.length} learners, ${count} wanted: run pnpm seed:scale`);
  const [longest] = await registry.raw.query<{ id: string }>(
    `select learner_id as id from registrations group by learner_id order by count(*) desc, learner_id limit 1`,
  );
  if (!longest) throw new Error('the scale data holds no registrations: run pnpm seed:scale');
  const learner = (id: string) => signer.sign({ role: 'LEARNER', subject: id }, ttl);
  return {
    oneLearner: await learner(longest.id),
    manyLearners: await Promise.all(many.map((row) => learner(row.id))),
    sjtuStaff: await signer.sign({ role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' }, ttl),
    analyst: await signer.sign({ role: 'ANALYST', subject: 'analyst' }, ttl),
  };
}
