import { forbidden, requireRole } from '@xueshi/subgraph-kit';
import type { Caller } from '@xueshi/subgraph-kit';
import { INSTITUTIONS } from './institutions';

const leadUnit = INSTITUTIONS.find((entry) => entry.isLeadUnit);
if (!leadUnit) throw new Error('The institution list names no lead unit');

/** The lead unit (牵头单位), which assigns the teachers of employer-run training (统一安排师资). */
export const LEAD_UNIT = leadUnit.code;

/**
 * The caller, if they schedule or decline employers' training requests and so open employer-run
 * sessions at whichever institution owns the course: the lead unit's staff and the registrar.
 * UNAUTHENTICATED without a token, FORBIDDEN for anyone else.
 */
export function requireTrainingScheduler(caller: Caller | null): Caller {
  const staff = requireRole(caller, 'INSTITUTION_STAFF', 'REGISTRAR');
  if (staff.role === 'INSTITUTION_STAFF' && staff.institution !== LEAD_UNIT) throw forbidden();
  return staff;
}
