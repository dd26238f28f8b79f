import { parseOwnedId } from '@xueshi/institutions';
import { forbidden, notFound, permits, requirePermit, requireRuleRole } from '@xueshi/subgraph-kit';
import type { Caller, Rule } from '@xueshi/subgraph-kit';
import { echoedId } from './services/validation';

/**
 * Who may do what in the registry (DOMAIN.md), each rule named once. Resolvers and services ask these
 * rules; the authorization matrix (tests/e2e/security) reads its expectations from them where a rule
 * alone decides a row.
 */
export const REGISTRY_POLICY = {
  /** A learner's own record (registrations, ledger, cycle, transcripts, cycle start changes): the learner and the registrar. */
  ownRecord: { LEARNER: 'own', REGISTRAR: 'any' },
  /** A learner's unmasked ID number and mobile: the learner and the registrar; anyone else who reaches the learner sees null. */
  personalData: { LEARNER: 'own', REGISTRAR: 'any' },
  /** Who registered: the learner, the staff of the institution the registration is with (its rosters), the registrar. */
  registrant: { LEARNER: 'own', INSTITUTION_STAFF: 'own', REGISTRAR: 'any' },
  /** An invoice's printable document: its learner, the staff of the institution that issued it, the registrar. */
  invoiceDocument: { LEARNER: 'own', INSTITUTION_STAFF: 'own', REGISTRAR: 'any' },
  /** A transcript's PDF and CSV: its learner and the registrar. */
  transcriptDocument: { LEARNER: 'own', REGISTRAR: 'any' },
  /** Every credit entry, reversed and not yet visible included, rather than the standing entries visible today. */
  wholeLedger: { REGISTRAR: 'any' },
  /**
   * What the registry holds about a session (roster, outcomes, courseware completions, unpaid holds):
   * the staff of the institution that runs it and the registrar.
   */
  sessionRecords: { INSTITUTION_STAFF: 'own', REGISTRAR: 'any' },
  /**
   * Saying a session's facts changed, so registries read them again (ADR 0055): the staff of the
   * institution that runs it (their institution's subgraph sends it on their change) and the registrar.
   */
  sessionChangeNotice: { INSTITUTION_STAFF: 'own', REGISTRAR: 'any' },
  /** Aggregate figures (statistics and facts): analysts and the registrar. */
  aggregateFigures: { ANALYST: 'any', REGISTRAR: 'any' },
  /** What a learner does for themself: register, pay, withdraw, invoices, mobile verification, transcripts. */
  learnerSelfService: { LEARNER: 'any' },
  /** What an employer's account holds beyond its name (contact, staff count): the employer itself and the registrar. */
  employerAccount: { EMPLOYER: 'own', REGISTRAR: 'any' },
  /** What an employer does for itself: its staff list. */
  employerSelfService: { EMPLOYER: 'any' },
  /** Any learner, by id or by full ID number. */
  learnerLookup: { REGISTRAR: 'any' },
  /** Ledger corrections: reversing an entry, recording credit by hand. */
  ledgerCorrection: { REGISTRAR: 'any' },
  /** Restoring an ID number to its owner. */
  idNumberRestoration: { REGISTRAR: 'any' },
  /** Setting a learner's cycle start year. */
  cycleStartChange: { REGISTRAR: 'any' },
  /** Loading a year's official calendar, and seeing who loaded each. */
  calendarLoading: { REGISTRAR: 'any' },
} as const satisfies Record<string, Rule>;

export type RegistryRule = keyof typeof REGISTRY_POLICY;

/** The caller, if `rule` lets them act on the subject `owner` describes; UNAUTHENTICATED or FORBIDDEN otherwise. */
export const requireAllowed = (rule: RegistryRule, caller: Caller | null, owner?: Parameters<typeof permits>[2]): Caller =>
  requirePermit(REGISTRY_POLICY[rule], caller, owner);

/** Whether `rule` lets the caller act on the subject `owner` describes. */
export const isAllowed = (rule: RegistryRule, caller: Caller | null, owner?: Parameters<typeof permits>[2]): boolean =>
  permits(REGISTRY_POLICY[rule], caller, owner);

/** The caller, if `rule` names their role at all: checked before the subject is read. */
export const requireRuleRoleOf = (rule: RegistryRule, caller: Caller | null): Caller =>
  requireRuleRole(REGISTRY_POLICY[rule], caller);

/**
 * The caller, if `rule` (what the registry holds about a session, unless another is named) lets them act
 * on the session `sessionId` names: UNAUTHENTICATED without a token, NOT_FOUND for an id that names no
 * institution's session, FORBIDDEN for anyone else; decided from the id alone, before any data is read.
 */
export function requireSessionStaff(
  caller: Caller | null,
  sessionId: string,
  rule: 'sessionRecords' | 'sessionChangeNotice' = 'sessionRecords',
): Caller {
  const staff = requireRuleRoleOf(rule, caller);
  const owner = parseOwnedId(sessionId);
  if (!owner || owner.kind !== 'session') throw notFound({ zh: '班次', en: 'Session' }, echoedId(sessionId));
  if (!isAllowed(rule, staff, { institution: owner.institution.code })) throw forbidden();
  return staff;
}
