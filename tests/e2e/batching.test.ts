import { randomUUID } from 'node:crypto';
import { INSTITUTIONS } from '@xueshi/institutions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../harness/contract';
import { startTestGraph } from '../harness/graph';
import type { TestGraph } from '../harness/graph';
import { insertLearner, insertRegistrations } from '../harness/fixtures';

const LEARNER_RECORD = /* GraphQL */ `
  query LearnerRecord($id: ID!) {
    learner(id: $id) {
      name
      registrations {
        id
        status
        session {
          id
          startsAt
          endsAt
          seatsTaken
          course {
            title
            category
            hours
            institution {
              name
            }
          }
        }
      }
    }
  }
`;

interface Record {
  learner: {
    registrations: {
      session: {
        id: string;
        startsAt: string;
        seatsTaken: number;
        course: { title: string; institution: { name: string } };
      } | null;
    }[];
  } | null;
}

describe('a learner with 60 registrations across all six institutions', () => {
  let graph: TestGraph;
  let learnerId: string;

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'plan' });
    const catalogue = await graph.execute<{
      institutions: { code: string; profile: { courses: { id: string; sessions: { id: string }[] }[] } }[];
    }>(contractOperation('Catalogue'), { year: 2021 });
    const sessionsByInstitution = (catalogue.data?.institutions ?? []).map((institution) => ({
      code: institution.code,
      sessions: institution.profile.courses.flatMap((course) =>
        course.sessions.map((session) => ({ ...session, courseId: course.id })),
      ),
    }));
    learnerId = randomUUID();
    await insertLearner(graph.subgraph('registry').database, { id: learnerId });
    // Sixty sessions, about ten at each institution; the first at each is still active, the others were withdrawn.
    const picked = sessionsByInstitution.map(({ code, sessions }) => ({ code, sessions: sessions.slice(0, 10) }));
    const spare = sessionsByInstitution.flatMap(({ code, sessions }) => sessions.slice(10).map((session) => ({ code, session })));
    const entries = picked.flatMap(({ code, sessions }) =>
      sessions.map((session, index) => ({ code, session, active: index === 0 })),
    );
    entries.push(...spare.slice(0, 60 - entries.length).map((extra) => ({ ...extra, active: false })));
    await insertRegistrations(
      graph.subgraph('registry').database,
      learnerId,
      entries.map(({ code, session, active }) => ({
        institution: code,
        sessionId: session.id,
        courseId: session.courseId,
        status: active ? 'PAID' : 'WITHDRAWN',
      })),
    );
  });
  afterAll(() => graph?.close());

  it('resolves every session, course and institution with one fetch and a bounded number of SQL statements per subgraph', async () => {
    graph.resetCounters();
    const result = await graph.execute<Record>(LEARNER_RECORD, { id: learnerId }, { role: 'REGISTRAR', subject: 'registrar' });
    expect(result.errors).toBeUndefined();
    const registrations = result.data?.learner?.registrations ?? [];
    expect(registrations).toHaveLength(60);
    for (const registration of registrations) {
      expect(registration.session?.course.title).toBeTruthy();
      expect(registration.session?.course.institution.name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(registrations.map((registration) => registration.session?.course.institution.name)).size).toBe(6);

    const registry = graph.subgraph('registry');
    // learner, registrations, seats taken; institution names come from the registry's own list.
    expect(registry.database.statements.count).toBeLessThanOrEqual(3);
    // The root query alone: seats taken are the registry's own, and each institution names itself.
    expect(registry.operations.count).toBe(1);
    for (const { code } of INSTITUTIONS) {
      const institution = graph.subgraph(code);
      expect(institution.operations.count, `${code} fetches`).toBe(1);
      // Sessions with their courses, in one statement.
      expect(institution.database.statements.count, `${code} SQL statements`).toBe(1);
    }
  });

  it("plans each institution statement once per connection, and leaves the registry's plans to PostgreSQL (ADR 0053)", async () => {
    const planMode = async (name: string) =>
      (await graph.subgraph(name).database.raw.query<{ plan_cache_mode: string }>('show plan_cache_mode'))[0]?.plan_cache_mode;
    for (const { code } of INSTITUTIONS) expect(await planMode(code), code).toBe('force_generic_plan');
    // The registry's analysts' aggregates want a plan for the values they are given.
    expect(await planMode('registry')).toBe('auto');
  });

  it("answers the contract's MyRecord with one registry fetch and one per institution, all at once after it", async () => {
    graph.resetCounters();
    const result = await graph.execute<{
      me: { registrations: { session: { course: { institution: { name: string } } } | null }[] };
    }>(contractOperation('MyRecord'), {}, { role: 'LEARNER', subject: learnerId });
    expect(result.errors).toBeUndefined();
    const names = new Set(result.data?.me.registrations.map((registration) => registration.session?.course.institution.name));
    expect([...names].sort()).toEqual(INSTITUTIONS.map((institution) => institution.name).sort());
    // Each institution names itself from the institution list: nothing goes back to the registry after them.
    expect(graph.subgraph('registry').operations.count).toBe(1);
    for (const { code } of INSTITUTIONS) expect(graph.subgraph(code).operations.count, `${code} fetches`).toBe(1);
  });

  it('costs the same for 6 registrations as for 60', async () => {
    const costOf = async (id: string) => {
      graph.resetCounters();
      await graph.execute<Record>(LEARNER_RECORD, { id }, { role: 'REGISTRAR', subject: 'registrar' });
      return [...graph.subgraphs.values()].map((subgraph) => [subgraph.operations.count, subgraph.database.statements.count]);
    };
    const fewId = randomUUID();
    await insertLearner(graph.subgraph('registry').database, { id: fewId });
    const many = await graph.execute<Record>(LEARNER_RECORD, { id: learnerId }, { role: 'REGISTRAR', subject: 'registrar' });
    const oneEach = [
      ...new Map(
        (many.data?.learner?.registrations ?? []).map((registration) => [registration.session?.id.split(':')[0], registration]),
      ).values(),
    ];
    expect(oneEach).toHaveLength(6);
    await insertRegistrations(
      graph.subgraph('registry').database,
      fewId,
      oneEach.map((registration) => ({
        institution: registration.session?.id.split(':')[0] ?? '',
        sessionId: registration.session?.id ?? '',
        courseId: `${registration.session?.id.split(':')[0]}:course:x`,
        status: 'WITHDRAWN' as const,
      })),
    );
    expect(await costOf(fewId)).toEqual(await costOf(learnerId));
  });
});
