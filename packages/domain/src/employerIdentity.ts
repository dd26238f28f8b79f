import { normaliseEmployer } from './normaliseEmployer';

/**
 * Whom aggregates count a learner's employer as: the registered employer account (its unified social
 * credit code) when an employer lists the learner as its staff (ADR 0016), otherwise the name the
 * learner typed, compared loosely (`normaliseEmployer`). The two kinds of key never collide.
 */
export function employerIdentity(typedName: string, listedBy: string | null | undefined): string {
  return listedBy ? `code:${listedBy}` : `name:${normaliseEmployer(typedName)}`;
}

/** The registered employer's credit code an identity names, or null for a typed name. */
export const creditCodeOfIdentity = (identity: string): string | null =>
  identity.startsWith('code:') ? identity.slice('code:'.length) : null;
