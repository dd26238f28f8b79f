import { INSTITUTIONS, parseOwnedId } from '@xueshi/institutions';
import type { Institution, OwnedKind } from '@xueshi/institutions';

/** A reference the gateway resolves at the owning institution's subgraph. */
export interface EntityReference {
  __typename: string;
  id: string;
}

/** A reference to an institution's profile, which its own subgraph serves. */
export interface ProfileReference {
  __typename: string;
  code: string;
}

/** The reference to an institution-owned course or session, typed by the owner its id names; null for a foreign id. */
export function ownedReference(id: string, kind: OwnedKind): EntityReference | null {
  const parsed = parseOwnedId(id);
  return parsed && parsed.kind === kind ? { __typename: parsed.typename, id } : null;
}

/** A profile reference for an institution code; null for a code no institution has. */
export function profileReference(code: string): ProfileReference | null {
  const owner = INSTITUTIONS.find((entry) => entry.code === code);
  return owner ? { __typename: `${owner.typePrefix}Profile`, code } : null;
}

/** The institution with `code`, or null. */
export const institutionByCode = (code: string): Institution | null => INSTITUTIONS.find((entry) => entry.code === code) ?? null;

/** The names of the concrete types an interface's `__resolveType` may answer. */
export type ConcreteTypename<Interface extends { __resolveType: (...args: never[]) => unknown }> = Extract<
  ReturnType<Interface['__resolveType']>,
  string
>;

/**
 * The concrete type a reference names: the gateway sends interface-typed ones ({ __typename: "Session", id })
 * and the references above build the name from the same list of institutions the SDL is generated from.
 */
export const byTypename = <Typename extends string>(reference: { __typename: string }) => reference.__typename as Typename;
