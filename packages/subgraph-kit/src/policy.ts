import type { Caller, Role } from './auth';
import { forbidden, unauthenticated } from './errors';

/**
 * A rule of who may do something: the roles it lets in and, for each, whether every caller of that role
 * (`any`) or only the subject's own (`own`): the learner themself, the staff of the subject's
 * institution, the employer itself. Each subgraph names its rules once, in its policy module.
 */
export type Rule = Readonly<Partial<Record<Role, 'any' | 'own'>>>;

/** Whom a subject belongs to, as far as a rule's `own` asks. */
export interface Owner {
  learner?: string;
  institution?: string;
  employer?: string;
}

function owns(caller: Caller, owner: Owner): boolean {
  switch (caller.role) {
    case 'LEARNER':
      return caller.subject === owner.learner;
    case 'INSTITUTION_STAFF':
      return caller.institution !== undefined && caller.institution === owner.institution;
    case 'EMPLOYER':
      return caller.subject === owner.employer;
    default:
      return false;
  }
}

/** Whether `rule` lets `caller` act on a subject that belongs to `owner`. */
export function permits(rule: Rule, caller: Caller | null, owner: Owner = {}): boolean {
  const reach = caller ? rule[caller.role] : undefined;
  return caller !== null && (reach === 'any' || (reach === 'own' && owns(caller, owner)));
}

/**
 * The caller, if `rule` lets their role in at all (the subject not yet considered): UNAUTHENTICATED
 * without a caller, FORBIDDEN for a role the rule does not name. For checks made before the subject is read.
 */
export function requireRuleRole(rule: Rule, caller: Caller | null): Caller {
  if (!caller) throw unauthenticated();
  if (rule[caller.role] === undefined) throw forbidden();
  return caller;
}

/** The caller, if `rule` lets them act on a subject that belongs to `owner`: UNAUTHENTICATED without one, FORBIDDEN otherwise. */
export function requirePermit(rule: Rule, caller: Caller | null, owner: Owner = {}): Caller {
  const who = requireRuleRole(rule, caller);
  if (!permits(rule, who, owner)) throw forbidden();
  return who;
}
