import { INSTITUTIONS, parseOwnedId } from '@xueshi/institutions';
import type { OwnedKind } from '@xueshi/institutions';
import type { Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import { requireSessionStaff } from '../services/access';

/** A reference the gateway resolves at the owning institution's subgraph. */
export interface EntityReference {
  __typename: string;
  id: string;
}

/** The reference to an institution-owned course or session, typed by the owner its id names; null for a foreign id. */
export function ownedReference(id: string, kind: OwnedKind): EntityReference | null {
  const parsed = parseOwnedId(id);
  return parsed && parsed.kind === kind ? { __typename: parsed.typename, id } : null;
}

const byTypename = (reference: { __typename: string }) => reference.__typename;

/** A profile reference for an institution code; null for a code no institution has. */
export function profileReference(code: string): { __typename: string; code: string } | null {
  const owner = INSTITUTIONS.find((entry) => entry.code === code);
  return owner ? { __typename: `${owner.typePrefix}Profile`, code } : null;
}

/**
 * Every institution's courses, sessions and profiles, as far as the registry adds to them: the seats
 * taken on each session, and its unpaid holds for the staff who run it.
 */
export const entityResolvers: Resolvers<RegistryContext> = {
  // The gateway sends interface-typed representations ({ __typename: "Session", id }); the id says
  // which institution's concrete type it is.
  InstitutionProfile: {
    __resolveReference: (reference: { code: string }) => profileReference(reference.code),
    __resolveType: byTypename,
  },
  Course: {
    __resolveReference: (reference: { id: string }) => ownedReference(reference.id, 'course'),
    __resolveType: byTypename,
  },
  Session: {
    __resolveReference: (reference: { id: string }) => ownedReference(reference.id, 'session'),
    __resolveType: byTypename,
  },
  ...Object.fromEntries(
    INSTITUTIONS.map((entry) => [
      `${entry.typePrefix}Session`,
      {
        seatsTaken: (session: { id: string }, _args: unknown, context: RegistryContext) =>
          context.loaders.seatsTaken.load(session.id),
        unpaidHolds: async (session: { id: string }, _args: unknown, context: RegistryContext) => {
          requireSessionStaff(context.caller, session.id);
          const summary = await context.loaders.unpaidHolds.load(session.id);
          return {
            held: summary.held,
            endedUnpaidLastDay: summary.endedUnpaid,
            learnersEndedUnpaidLastDay: summary.learnersEndedUnpaid,
          };
        },
      },
    ]),
  ),
};
