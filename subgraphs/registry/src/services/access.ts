import { parseOwnedId } from '@xueshi/institutions';
import { forbidden, notFound, requireRole } from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import { echoedId } from './validation';

/** Whether `caller` acts for the institution `institution`: its own staff, or the registrar. */
export const actsForInstitution = (caller: Caller, institution: string): boolean =>
  caller.role === 'REGISTRAR' || (caller.role === 'INSTITUTION_STAFF' && caller.institution === institution);

/** The caller, if they may read aggregate figures: analysts and the registrar; UNAUTHENTICATED or FORBIDDEN otherwise. */
export const requireAnalyst = (caller: Caller | null): Caller => requireRole(caller, 'ANALYST', 'REGISTRAR');

/**
 * The caller, if they may see and manage what the registry holds about the session `sessionId` names
 * (its roster, outcomes and unpaid holds): the staff of the institution that runs it and the registrar.
 * UNAUTHENTICATED without a token, NOT_FOUND for an id that names no institution's session, FORBIDDEN
 * for anyone else; decided from the id alone, before any data is read.
 */
export function requireSessionStaff(caller: Caller | null, sessionId: string): Caller {
  const staff = requireRole(caller, 'INSTITUTION_STAFF', 'REGISTRAR');
  const owner = parseOwnedId(sessionId);
  if (!owner || owner.kind !== 'session') throw notFound({ zh: '班次', en: 'Session' }, echoedId(sessionId));
  if (!actsForInstitution(staff, owner.institution.code)) throw forbidden();
  return staff;
}

/** A learner's own record: the learner and the registrar; FORBIDDEN for anyone else. */
export function requireOwnRecord(caller: Caller | null, learner: { id: string }): Caller {
  const who = requireRole(caller, 'LEARNER', 'REGISTRAR', 'INSTITUTION_STAFF', 'ANALYST', 'SERVICE');
  if (who.role === 'REGISTRAR' || (who.role === 'LEARNER' && who.subject === learner.id)) return who;
  throw forbidden();
}

/** Whether `caller` may see a learner's unmasked personal data: the learner and the registrar. */
export const seesPersonalData = (caller: Caller | null, learner: { id: string }): boolean =>
  (caller?.role === 'LEARNER' && caller.subject === learner.id) || caller?.role === 'REGISTRAR';
