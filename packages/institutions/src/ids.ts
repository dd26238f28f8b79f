import { institution, isInstitutionCode } from './institutions';
import type { Institution, InstitutionCode } from './institutions';

/** Kinds of records an institution owns whose ids other subgraphs hold. */
export type OwnedKind = 'course' | 'session';

const TYPE_SUFFIX: Record<OwnedKind, string> = { course: 'Course', session: 'Session' };
const LOCAL_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Ids of institution-owned records say who owns them: `<institution>:<kind>:<local>`, e.g.
 * `sjtu:session:2021-05`. The registry holds such ids and must route each to its owner's subgraph
 * without asking anyone (see docs/adr/0002-id-scheme.md).
 */
export function ownedId(code: InstitutionCode, kind: OwnedKind, local: string): string {
  if (!LOCAL_PART.test(local)) throw new RangeError(`Invalid local id: ${local}`);
  return `${code}:${kind}:${local}`;
}

interface ParsedOwnedId {
  institution: Institution;
  kind: OwnedKind;
  local: string;
  /** The owner's concrete GraphQL type, e.g. `SjtuSession`. */
  typename: string;
}

/** Parses an institution-owned id; null when it is not one (wrong shape, unknown institution or kind). */
export function parseOwnedId(id: string): ParsedOwnedId | null {
  const [code, kind, local, ...rest] = id.split(':');
  if (rest.length > 0 || code === undefined || kind === undefined || local === undefined) return null;
  if (!isInstitutionCode(code) || (kind !== 'course' && kind !== 'session') || !LOCAL_PART.test(local)) return null;
  const owner = institution(code);
  return { institution: owner, kind, local, typename: `${owner.typePrefix}${TYPE_SUFFIX[kind]}` };
}

/** A live session's local id: year, course key and the first day's month and day, e.g. `2021-data-0311`. */
export function liveSessionLocalId(year: number, courseKey: string, firstDay: string): string {
  return `${year}-${courseKey}-${firstDay.slice(5).replace('-', '')}`;
}

/** The local id of a courseware course's one session in `year`, e.g. `2021-ethics`. */
export function coursewareSessionLocalId(year: number, courseKey: string): string {
  return `${year}-${courseKey}`;
}
