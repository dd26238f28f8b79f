import { readFileSync } from 'node:fs';
import { hoursToMinutes } from '@xueshi/domain';
import type { Category, DeliveryMode } from '@xueshi/domain';
import { INSTITUTIONS, parseOwnedId } from '@xueshi/institutions';
import type { InstitutionCode } from '@xueshi/institutions';
import {
  CircuitBreaker,
  DEFAULT_CIRCUIT_BREAKER,
  DEFAULT_FETCH_TIMEOUT_MS,
  ErrorCode,
  FetchFailed,
  InFlight,
  UserError,
  boundedSend,
  createHttpPost,
  isGraphQLRead,
  renewingToken,
} from '@xueshi/subgraph-kit';
import type { CircuitBreakerSettings, Clock, Logger, TokenSigner } from '@xueshi/subgraph-kit';
import { Kind, parse, print } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import type {
  OpenSessionsQuery,
  OpenSessionsQueryVariables,
  SessionFactsQuery,
  SessionFactsQueryVariables,
} from '../generated/institutionOperations';

/** How long the registry's service token lives; it is signed again after half of it (renewingToken). */
const SERVICE_TOKEN_TTL_SECONDS = 60;

/** What the registry needs to know about a session when it writes a registration, read from its owner. */
export interface SessionFacts {
  id: string;
  institution: InstitutionCode;
  courseId: string;
  courseTitle: string;
  category: Category;
  year: number;
  minutes: number;
  feeFen: number;
  startsAt: Date;
  endsAt: Date;
  firstDay: string;
  lastDay: string;
  deliveryMode: DeliveryMode;
  capacity: number | null;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  restrictedToEmployer: string | null;
  /** The unified social credit code of the employer whose listed staff alone may register. */
  employerCreditCode: string | null;
}

/** Reads the facts institutions own, straight from their subgraphs. */
export interface InstitutionDirectory {
  /**
   * The session's facts as its owner has them now; null when no institution has such a session.
   * Throws UNAVAILABLE when the owner cannot be reached.
   */
  sessionFacts(sessionId: string): Promise<SessionFacts | null>;
  /**
   * Sessions of `year` open for registration at `now`, at every institution that answers (one that
   * does not is left out and logged: suggestions are a convenience, not a record).
   */
  openSessions(year: number, now: Date): Promise<OpenSession[]>;
}

/** A session open for registration, as suggestions need it. */
export interface OpenSession {
  sessionId: string;
  courseTitle: string;
  category: Category;
  hours: number;
  startsAt: string;
  capacity: number | null;
  restrictedToEmployer: string | null;
}

/** The registry's operations on institutions, one text each, by name (typed by `pnpm codegen`). */
const OPERATIONS = new Map(
  parse(readFileSync(new URL('./institutionOperations.graphql', import.meta.url), 'utf8'))
    .definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => [operation.name?.value, print(operation)]),
);

function operation(name: 'OpenSessions' | 'SessionFacts'): string {
  const text = OPERATIONS.get(name);
  if (!text) throw new Error(`institutionOperations.graphql has no operation ${name}`);
  return text;
}

export interface InstitutionDirectoryOptions {
  /** Each institution subgraph's GraphQL URL. */
  urls: Readonly<Record<string, string>>;
  /** Signs the registry's own service token: institutions verify every caller, the registry included. */
  signer: TokenSigner;
  /** The clock the signer signs by, to know when the service token is due to be signed again. */
  clock: Clock;
  logger: Logger;
  /** When to stop asking an institution that does not answer (DEFAULT_CIRCUIT_BREAKER unless given). */
  breaker?: CircuitBreakerSettings;
}

/** A directory that asks each institution's subgraph over HTTP, with the registry's service token. */
export function createInstitutionDirectory(options: InstitutionDirectoryOptions): InstitutionDirectory {
  const unavailable = (code: string) =>
    new UserError(
      ErrorCode.UNAVAILABLE,
      { zh: `${code} 机构服务暂时不可用，请稍后再试`, en: `The ${code} service is unavailable; please try again later` },
      { serviceName: code },
    );

  // Each institution's calls are bounded and its circuit its own: one that hangs or is down costs the
  // registry a timeout at most, then nothing until it answers again. Answers are read whole over
  // node:http, as the gateway reads subgraphs': fetch's web streams cost more than the call (ADR 0044).
  const httpPost = createHttpPost({ carryRequestIds: true });
  const senders = new Map(
    Object.keys(options.urls).map((code) => [
      code,
      boundedSend(
        {
          service: code,
          timeoutMs: DEFAULT_FETCH_TIMEOUT_MS,
          breaker: new CircuitBreaker(code, options.breaker ?? DEFAULT_CIRCUIT_BREAKER, options.logger),
          retryable: isGraphQLRead,
        },
        httpPost,
      ),
    ]),
  );

  const serviceToken = renewingToken(
    options.signer,
    options.clock,
    { role: 'SERVICE', subject: 'registry' },
    SERVICE_TOKEN_TTL_SECONDS,
  );

  const post = async <Data, Variables>(code: string, query: string, variables: Variables): Promise<Data> => {
    const url = options.urls[code];
    const send = senders.get(code);
    if (!url || !send) throw unavailable(code);
    let body: { data?: Data; errors?: unknown[] };
    try {
      const token = await serviceToken();
      const response = await send(url, {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
      body = JSON.parse(response.body) as typeof body;
    } catch (error) {
      if (!(error instanceof FetchFailed && error.reason === 'circuit-open')) {
        options.logger.warn({ err: error, institution: code }, 'institution subgraph unreachable');
      }
      throw unavailable(code);
    }
    if (body.errors?.length || !body.data) {
      options.logger.error({ errors: body.errors, institution: code }, 'institution subgraph answered with errors');
      throw unavailable(code);
    }
    return body.data;
  };

  // Registration day sends thousands of registrations for the same few sessions at once: those in flight
  // together share one question to the owner (each builds its own answer from the shared one).
  const sessionsInFlight = new InFlight<SessionFactsQuery>();

  return {
    openSessions: async (year, now) => {
      const answers = await Promise.allSettled(
        INSTITUTIONS.map(async (entry) => {
          const data = await post<OpenSessionsQuery, OpenSessionsQueryVariables>(entry.code, operation('OpenSessions'), {
            representations: [{ __typename: `${entry.typePrefix}Profile`, code: entry.code }],
            year,
          });
          const profile = data._entities[0];
          return (profile && 'courses' in profile ? profile.courses : []).flatMap((course) =>
            course.sessions
              .filter((session) => new Date(session.registrationOpensAt) <= now && now < new Date(session.registrationClosesAt))
              .map((session) => ({
                sessionId: session.id,
                courseTitle: course.title,
                category: course.category,
                hours: course.hours,
                startsAt: session.startsAt,
                capacity: session.capacity,
                restrictedToEmployer: session.restrictedToEmployer,
              })),
          );
        }),
      );
      return answers.flatMap((answer) => (answer.status === 'fulfilled' ? answer.value : []));
    },

    sessionFacts: async (sessionId) => {
      const parsed = parseOwnedId(sessionId);
      if (!parsed || parsed.kind !== 'session') return null;
      const code = parsed.institution.code;
      const data = await sessionsInFlight.run(sessionId, () =>
        post<SessionFactsQuery, SessionFactsQueryVariables>(code, operation('SessionFacts'), {
          representations: [{ __typename: parsed.typename, id: sessionId }],
        }),
      );
      const raw = data._entities[0];
      if (!raw || !('course' in raw)) return null;
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
        employerCreditCode: raw.employerCreditCode,
      };
    },
  };
}
