import { requirePermit } from '@xueshi/subgraph-kit';
import type { Caller, Rule } from '@xueshi/subgraph-kit';
import { INSTITUTIONS } from './institutions';

const leadUnit = INSTITUTIONS.find((entry) => entry.isLeadUnit);
if (!leadUnit) throw new Error('The institution list names no lead unit');

/** The lead unit (牵头单位), which assigns the teachers of employer-run training (统一安排师资). */
export const LEAD_UNIT = leadUnit.code;

/**
 * Who may do what at an institution's subgraph, each rule named once (the registry's are in
 * subgraphs/registry/src/policy.ts). The authorization matrix (tests/e2e/security) reads its
 * expectations from them where a rule alone decides a row.
 */
export const INSTITUTION_POLICY = {
  /** An institution's sessions (opening, changing, their date history) and contacts: its own staff and the registrar. */
  institutionManagement: { INSTITUTION_STAFF: 'own', REGISTRAR: 'any' },
  /** Courses per notice (经认可的讲座类课程): the registrar, who approves them for the association (ADR 0030). */
  noticeCourses: { REGISTRAR: 'any' },
  /**
   * Scheduling or declining employers' training requests, and so opening employer-run sessions at
   * whichever institution owns the course: the lead unit's staff and the registrar.
   */
  trainingScheduling: { INSTITUTION_STAFF: 'own', REGISTRAR: 'any' },
  /** An employer's own training requests: filing, reading and withdrawing them. */
  employerTrainingRequests: { EMPLOYER: 'any' },
} as const satisfies Record<string, Rule>;

export type InstitutionRule = keyof typeof INSTITUTION_POLICY;

/**
 * The caller, if `rule` lets them act at the institution `institution` (the lead unit for scheduling);
 * UNAUTHENTICATED without a token, FORBIDDEN for anyone else.
 */
export const requireInstitutionPermit = (rule: InstitutionRule, caller: Caller | null, institution?: string): Caller =>
  requirePermit(INSTITUTION_POLICY[rule], caller, { institution: rule === 'trainingScheduling' ? LEAD_UNIT : institution });

/** The caller, if they schedule or decline employers' training requests; UNAUTHENTICATED or FORBIDDEN otherwise. */
export const requireTrainingScheduler = (caller: Caller | null): Caller => requireInstitutionPermit('trainingScheduling', caller);
