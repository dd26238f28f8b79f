import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@xueshi/subgraph-kit';
import { contractOperation } from '../harness/contract';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';

/*
 * Issue 9 item 4: corrections a line-by-line reading of the plan found. 2021's live courses were online
 * only (face-to-face that year is employer-run), and the 2021-02-22 10:00 opening is for live courses,
 * not for buying online electives.
 */

const SESSIONS_OF_YEAR = /* GraphQL */ `
  query ($year: Int!) {
    institutions {
      code
      profile {
        courses(year: $year) {
          sessions {
            id
            deliveryMode
          }
        }
      }
    }
  }
`;
const REGISTER = contractOperation('Register');
const OPEN = /* GraphQL */ `
  mutation ($input: OpenSessionInput!) {
    openSjtuSession(input: $input) {
      id
      deliveryMode
    }
  }
`;
const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };

type Catalogue = {
  institutions: {
    code: string;
    profile: { courses: { sessions: { id: string; deliveryMode: string }[] }[] } | null;
  }[];
};

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ startAt: '2021-02-01T10:00:00+08:00' });
});
afterAll(() => graph?.close());

describe('2021: live courses online only', () => {
  it('lists no face-to-face session of 2021 but the employer-run one', async () => {
    const result = await graph.execute<Catalogue>(SESSIONS_OF_YEAR, { year: 2021 });
    expect(result.errors).toBeUndefined();
    const sessions =
      result.data?.institutions.flatMap((entry) => entry.profile?.courses.flatMap((course) => course.sessions) ?? []) ?? [];
    expect(sessions.length).toBeGreaterThan(50);
    const faceToFace = sessions.filter((session) => session.deliveryMode === 'FACE_TO_FACE').map((session) => session.id);
    expect(faceToFace).toEqual(['association:session:2021-ip-1130']);
    const employerRun = await graph.execute<{ session: { restrictedToEmployer: string; employerCreditCode: string } }>(
      'query ($id: ID!) { session(id: $id) { restrictedToEmployer employerCreditCode } }',
      { id: faceToFace[0] },
    );
    expect(employerRun.data?.session.employerCreditCode).toMatch(/^[0-9A-Z]{18}$/);
  });

  it('refuses staff a face-to-face session of a 2021 course, and allows one in 2022', async () => {
    const input = (year: number, deliveryMode: string) => ({
      input: {
        courseId: `sjtu:course:${year}-data`,
        startsAt: `${year}-08-11T09:00:00+08:00`,
        endsAt: `${year}-08-12T16:30:00+08:00`,
        deliveryMode,
        venue: '法华镇路 535 号主楼 511 室',
        capacity: 40,
        registrationOpensAt: `${year}-03-22T10:00:00+08:00`,
      },
    });
    const refused = await graph.execute(OPEN, input(2021, 'FACE_TO_FACE'), SJTU_STAFF);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveryMode' });
    expect(refused.errors?.[0]?.message).toContain('面授仅限单位自行组织');
    const online = await graph.execute<{ openSjtuSession: { deliveryMode: string } }>(
      OPEN,
      input(2021, 'LIVE_ONLINE'),
      SJTU_STAFF,
    );
    expect(online.data?.openSjtuSession.deliveryMode).toBe('LIVE_ONLINE');
    const later = await graph.execute<{ openSjtuSession: { deliveryMode: string } }>(
      OPEN,
      input(2022, 'FACE_TO_FACE'),
      SJTU_STAFF,
    );
    expect(later.errors).toBeUndefined();
    expect(later.data?.openSjtuSession.deliveryMode).toBe('FACE_TO_FACE');
  });
});

describe('the 2021-02-22 opening holds back live courses only', () => {
  it('sells an online elective on 2021-02-01 while live courses are not yet open', async () => {
    const learner = await signUpLearner(graph);
    const live = await graph.execute(REGISTER, { sessionId: 'sjtu:session:2021-data-0311' }, learner.caller);
    expect(errorCode(live)).toBe('REGISTRATION_CLOSED');
    expect(live.errors?.[0]?.extensions?.['opensAt']).toBe('2021-02-22T02:00:00.000Z');
    const elective = await graph.execute<{ register: { status: string } }>(
      REGISTER,
      { sessionId: 'elective-provider:session:2021-ethics' },
      learner.caller,
    );
    expect(elective.errors).toBeUndefined();
    expect(['AWAITING_PAYMENT', 'PAID']).toContain(elective.data?.register.status);
  });
});

describe("the plan's courses keep their days, on working days", () => {
  const open = (startDay: string, endDay: string) =>
    graph.execute<{ openSjtuSession: { id: string } }>(
      OPEN,
      {
        input: {
          courseId: 'sjtu:course:2021-data',
          startsAt: `${startDay}T09:00:00+08:00`,
          endsAt: `${endDay}T16:30:00+08:00`,
          deliveryMode: 'LIVE_ONLINE',
          capacity: 40,
          registrationOpensAt: '2021-03-22T10:00:00+08:00',
        },
      },
      SJTU_STAFF,
    );

  it('refuses a 1-day or 3-day session of the 2-day 数据分析基础', async () => {
    for (const [first, last] of [
      ['2021-06-17', '2021-06-17'],
      ['2021-06-15', '2021-06-17'],
    ] as const) {
      const refused = await open(first, last);
      expect(refused.errors?.[0]?.extensions, `${first}..${last}`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
      expect(refused.errors?.[0]?.extensions?.['en']).toContain('2 consecutive day');
    }
  });

  it('refuses a holiday and an ordinary weekend day, and takes a working Saturday', async () => {
    // 2021-10-01..07 National Day; Saturday 2021-06-19 an ordinary weekend day; Saturday 2021-10-09 worked.
    for (const [first, last] of [
      ['2021-09-30', '2021-10-01'],
      ['2021-06-18', '2021-06-19'],
    ] as const) {
      const refused = await open(first, last);
      expect(refused.errors?.[0]?.extensions, first).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    }
    const saturday = await open('2021-10-08', '2021-10-09');
    expect(saturday.errors).toBeUndefined();
    expect(saturday.data?.openSjtuSession.id).toMatch(/^sjtu:session:/);
  });
});
