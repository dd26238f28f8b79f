import { hoursToMinutes } from '@xueshi/domain';
import { parseOwnedId } from '@xueshi/institutions';
import type { InstitutionCode } from '@xueshi/institutions';
import { ErrorCode, UserError } from '@xueshi/subgraph-kit';
import type { Logger, TokenSigner } from '@xueshi/subgraph-kit';

/** What the registry needs to know about a session when it writes a registration, read from its owner. */
export interface SessionFacts {
  id: string;
  institution: InstitutionCode;
  courseId: string;
  courseTitle: string;
  category: 'REQUIRED' | 'ELECTIVE';
  year: number;
  minutes: number;
  feeFen: number;
  startsAt: Date;
  endsAt: Date;
  firstDay: string;
  lastDay: string;
  deliveryMode: 'LIVE_ONLINE' | 'FACE_TO_FACE' | 'ONLINE_COURSEWARE';
  capacity: number | null;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  restrictedToEmployer: string | null;
}

/** Reads the facts institutions own, straight from their subgraphs. */
export interface InstitutionDirectory {
  /**
   * The session's facts as its owner has them now; null when no institution has such a session.
   * Throws UNAVAILABLE when the owner cannot be reached.
   */
  sessionFacts(sessionId: string): Promise<SessionFacts | null>;
}

interface RawSession {
  id: string;
  startsAt: string;
  endsAt: string;
  firstDay: string;
  lastDay: string;
  deliveryMode: SessionFacts['deliveryMode'];
  capacity: number | null;
  registrationOpensAt: string;
  registrationClosesAt: string;
  restrictedToEmployer: string | null;
  course: { id: string; title: string; category: SessionFacts['category']; year: number; hours: number; feeFen: number };
}

const TIMEOUT_MS = 5_000;

export interface InstitutionDirectoryOptions {
  /** Each institution subgraph's GraphQL URL. */
  urls: Readonly<Record<string, string>>;
  /** Signs the registry's own service token: institutions verify every caller, the registry included. */
  signer: TokenSigner;
  logger: Logger;
}

/** A directory that asks each institution's subgraph over HTTP, with the registry's service token. */
export function createInstitutionDirectory(options: InstitutionDirectoryOptions): InstitutionDirectory {
  const unavailable = (code: string) =>
    new UserError(
      ErrorCode.UNAVAILABLE,
      { zh: `${code} 机构服务暂时不可用，请稍后再试`, en: `The ${code} service is unavailable; please try again later` },
      { serviceName: code },
    );

  return {
    sessionFacts: async (sessionId) => {
      const parsed = parseOwnedId(sessionId);
      if (!parsed || parsed.kind !== 'session') return null;
      const code = parsed.institution.code;
      const url = options.urls[code];
      if (!url) throw unavailable(code);
      const query = `query SessionFacts($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on ${parsed.typename} {
            id startsAt endsAt firstDay lastDay deliveryMode capacity registrationOpensAt registrationClosesAt restrictedToEmployer
            course { id title category year hours feeFen }
          }
        }
      }`;
      let body: { data?: { _entities: (RawSession | null)[] }; errors?: unknown[] };
      try {
        const token = await options.signer.sign({ role: 'SERVICE', subject: 'registry' }, 60);
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables: { representations: [{ __typename: parsed.typename, id: sessionId }] } }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        body = (await response.json()) as typeof body;
      } catch (error) {
        options.logger.warn({ err: error, institution: code }, 'institution subgraph unreachable');
        throw unavailable(code);
      }
      if (body.errors?.length || !body.data) {
        options.logger.error({ errors: body.errors, institution: code }, 'institution subgraph answered with errors');
        throw unavailable(code);
      }
      const raw = body.data._entities[0];
      if (!raw) return null;
      return {
        id: raw.id,
        institution: code,
        courseId: raw.course.id,
        courseTitle: raw.course.title,
        category: raw.course.category,
        year: raw.course.year,
        minutes: hoursToMinutes(raw.course.hours),
        feeFen: raw.course.feeFen,
        startsAt: new Date(raw.startsAt),
        endsAt: new Date(raw.endsAt),
        firstDay: raw.firstDay,
        lastDay: raw.lastDay,
        deliveryMode: raw.deliveryMode,
        capacity: raw.capacity,
        registrationOpensAt: new Date(raw.registrationOpensAt),
        registrationClosesAt: new Date(raw.registrationClosesAt),
        restrictedToEmployer: raw.restrictedToEmployer,
      };
    },
  };
}
