import { describe, expect, it } from 'vitest';
import { permits, requirePermit, requireRuleRole } from '../src';
import type { Caller, Rule } from '../src';

const learner: Caller = { role: 'LEARNER', subject: 'learner-a' };
const staff: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const registrar: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const analyst: Caller = { role: 'ANALYST', subject: 'analyst' };
const employer: Caller = { role: 'EMPLOYER', subject: '91310000MA1FL8LQ2X' };

const record: Rule = { LEARNER: 'own', INSTITUTION_STAFF: 'own', REGISTRAR: 'any' };
const owner = { learner: 'learner-a', institution: 'sjtu' };

describe('a rule of the policy', () => {
  it('lets in every caller of a role it names as any, and of a role it names as own only the subject’s own', () => {
    expect(permits(record, registrar, owner)).toBe(true);
    expect(permits(record, learner, owner)).toBe(true);
    expect(permits(record, { ...learner, subject: 'learner-b' }, owner)).toBe(false);
    expect(permits(record, staff, owner)).toBe(true);
    expect(permits(record, { ...staff, institution: 'shu' }, owner)).toBe(false);
    expect(permits(record, { role: 'INSTITUTION_STAFF', subject: 'no-institution' }, owner)).toBe(false);
    expect(permits({ EMPLOYER: 'own' }, employer, { employer: employer.subject })).toBe(true);
    expect(permits({ EMPLOYER: 'own' }, employer, { employer: 'another' })).toBe(false);
  });

  it('lets in no role it does not name, and nobody without a token', () => {
    expect(permits(record, analyst, owner)).toBe(false);
    expect(permits(record, employer, owner)).toBe(false);
    expect(permits(record, null, owner)).toBe(false);
    expect(permits(record, learner)).toBe(false);
  });

  it('refuses as UNAUTHENTICATED without a token and FORBIDDEN otherwise, before the subject when asked', () => {
    const code = (refuse: () => unknown) => {
      try {
        refuse();
      } catch (error) {
        return (error as { extensions?: { code?: string } }).extensions?.code;
      }
      return 'allowed';
    };
    expect(code(() => requirePermit(record, null, owner))).toBe('UNAUTHENTICATED');
    expect(code(() => requirePermit(record, analyst, owner))).toBe('FORBIDDEN');
    expect(code(() => requirePermit(record, { ...learner, subject: 'learner-b' }, owner))).toBe('FORBIDDEN');
    expect(requirePermit(record, learner, owner)).toBe(learner);
    expect(code(() => requireRuleRole(record, null))).toBe('UNAUTHENTICATED');
    expect(code(() => requireRuleRole(record, employer))).toBe('FORBIDDEN');
    expect(requireRuleRole(record, { ...staff, institution: 'shu' })).toEqual({ ...staff, institution: 'shu' });
  });
});
