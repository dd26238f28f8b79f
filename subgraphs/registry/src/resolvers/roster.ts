import { notFound } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import type { RegistrationRow } from '../db/schema';
import { requireSessionStaff } from '../policy';
import { csvDocument } from '../services/csv';
import { echoedId } from '../services/validation';

/**
 * The roster of a session: who may see it is its institution's staff and the registrar. NOT_FOUND for a
 * session its institution does not have (asked of the owner only when the roster is empty).
 */
export async function rosterOf(context: RegistryContext, sessionId: string): Promise<RegistrationRow[]> {
  requireSessionStaff(context.caller, sessionId);
  const roster = await context.loaders.rosterBySession.load(sessionId);
  if (roster.length === 0 && !(await context.services.directory.sessionFacts(sessionId))) {
    throw notFound({ zh: '班次', en: 'Session' }, echoedId(sessionId));
  }
  return roster;
}

/** The roster as the CSV the outcome upload reads back, its outcome columns filled where reported. */
export async function rosterCsvOf(context: RegistryContext, sessionId: string): Promise<string> {
  const roster = await rosterOf(context, sessionId);
  const people = await Promise.all(roster.map((registration) => context.loaders.learner.load(registration.learnerId)));
  const outcomes = await Promise.all(roster.map((registration) => context.loaders.outcome.load(registration.id)));
  const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? '是' : '否');
  const lines = [
    ['报名编号', '姓名', '工作单位', '全程参加', '考试合格'],
    ...roster.map((registration, index) => [
      registration.id,
      people[index]?.name ?? '',
      people[index]?.employer ?? '',
      yesNo(outcomes[index]?.attendedFully),
      yesNo(outcomes[index]?.examPassed),
    ]),
  ];
  return csvDocument(lines);
}
