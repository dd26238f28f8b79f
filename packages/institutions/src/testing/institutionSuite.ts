import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { addCalendarDays, HELD_CALENDAR_YEARS, isWorkingDay } from '@xueshi/domain';
import type { BaseContext } from '@apollo/server';
import type { SubgraphService } from '@xueshi/subgraph-kit';
import { startStandaloneSubgraph } from '@xueshi/subgraph-kit/testing';
import type { StandaloneSubgraph } from '@xueshi/subgraph-kit/testing';
import { institution } from '../institutions';
import type { InstitutionCode } from '../institutions';
import { PLAN_PROFILES } from '../plan';
import { courses, sessions } from '../subgraph/db/schema';
import type { InstitutionDependencies } from '../subgraph/create';

interface InstitutionExpectations {
  /** The titles of the institution's 2021 courses, in order. */
  courseTitles2021: string[];
  /** At least this many 2021 sessions in all. */
  minimumSessions2021: number;
}

/**
 * The suite every institution subgraph runs against itself, without the gateway: its profile, its
 * 2021 courses, batched entity resolution and an idempotent seed.
 */
export function describeInstitutionSubgraph<TContext extends BaseContext>(
  code: InstitutionCode,
  service: SubgraphService<TContext, InstitutionDependencies>,
  expected: InstitutionExpectations,
): void {
  const { typePrefix } = institution(code);

  describe(`${code} subgraph`, () => {
    let subgraph: StandaloneSubgraph;
    beforeAll(async () => {
      // No other subgraph runs beside this suite, and it moves no session's dates: no seat is taken.
      subgraph = await startStandaloneSubgraph(service, {
        seed: 'demo',
        extra: async () => ({ seatsTaken: async () => 0, subgraphUrl: () => 'http://127.0.0.1:9/graphql' }),
      });
    });
    afterAll(() => subgraph?.close());

    it("resolves its own profile with the plan's contacts, and no other institution's", async () => {
      const result = await subgraph.execute<{ _entities: ({ code: string; contacts: unknown[] } | null)[] }>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) {
           ... on ${typePrefix}Profile { code address hotline contacts { name phones } } } }`,
        {
          representations: [
            { __typename: `${typePrefix}Profile`, code },
            { __typename: `${typePrefix}Profile`, code: 'not-an-institution' },
          ],
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities[0]).toEqual({ code, ...PLAN_PROFILES[code] });
      expect(result.data?._entities[1]).toBeNull();
    });

    it('lists its 2021 courses with their sessions', async () => {
      const result = await subgraph.execute<{
        _entities: { courses: { title: string; year: number; sessions: { firstDay: string }[] }[] }[];
      }>(
        `{ _entities(representations: [{ __typename: "${typePrefix}Profile", code: "${code}" }]) {
           ... on ${typePrefix}Profile { courses(year: 2021) { title year sessions { firstDay } } } } }`,
      );
      const list = result.data?._entities[0]?.courses ?? [];
      expect(list.map((course) => course.title)).toEqual(expected.courseTitles2021);
      const days = list.flatMap((course) => course.sessions.map((session) => session.firstDay));
      expect(days.length).toBeGreaterThanOrEqual(expected.minimumSessions2021);
      expect(days.every((day) => day.startsWith('2021-'))).toBe(true);
    });

    it('resolves any number of session references, their courses with them, in one SQL statement', async () => {
      const rows = await subgraph.database.db.select({ id: sessions.id, courseId: sessions.courseId }).from(sessions);
      const ids = rows.map((row) => row.id);
      expect(ids.length).toBeGreaterThan(5);
      const before = subgraph.database.statements.count;
      const result = await subgraph.execute<{ _entities: { id: string; course: { id: string } }[] }>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) {
           ... on ${typePrefix}Session { id course { id title } } } }`,
        { representations: [...ids, 'unknown'].map((id) => ({ __typename: `${typePrefix}Session`, id })) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities.slice(0, -1).map((session) => session.id)).toEqual(ids);
      expect(result.data?._entities.at(-1)).toBeNull();
      expect(result.data?._entities.slice(0, -1).map((session) => session.course.id)).toEqual(rows.map((row) => row.courseId));
      expect(subgraph.database.statements.count - before).toBe(1);
    });

    it('loads its seed idempotently', async () => {
      const count = async () => ({
        courses: (await subgraph.database.db.select().from(courses)).length,
        sessions: (await subgraph.database.db.select().from(sessions)).length,
      });
      const first = await count();
      await service.seed?.(subgraph.database, 'demo', subgraph.clock);
      expect(await count()).toEqual(first);
    });

    it('seeds live sessions on working days only, also when the next year is not held yet', async () => {
      // Two weeks from the end of the last held year, the demo's upcoming sessions would run into the next.
      await service.seed?.(subgraph.database, 'demo', { now: () => new Date('2026-12-02T10:00:00+08:00') });
      const seeded = await subgraph.database.db.select().from(sessions);
      expect(seeded.length).toBeGreaterThan(0);
      // Courseware runs the whole year; every other session's days are checked (the elective provider has none).
      const live = seeded.filter((row) => row.deliveryMode !== 'ONLINE_COURSEWARE');
      const offDays = live.flatMap((row) => {
        const days = [];
        for (let day = row.firstDay; day <= row.lastDay; day = addCalendarDays(day, 1)) days.push(day);
        return days.filter((day) => !HELD_CALENDAR_YEARS.includes(Number(day.slice(0, 4))) || !isWorkingDay(day));
      });
      expect(offDays).toEqual([]);
    });
  });
}
