import { hoursToMinutes } from '@xueshi/domain';
import type { Category } from '@xueshi/domain';
import { institution, parseOwnedId } from '@xueshi/institutions';
import { ErrorCode, UserError } from '@xueshi/subgraph-kit';
import type { Logger } from '@xueshi/subgraph-kit';

/** A required course as its owner publishes it, for the request's form and checks. */
export interface CourseFacts {
  id: string;
  title: string;
  category: Category;
  year: number;
  days: number | null;
  minutes: number;
}

/** The employer-run session an owner opened. */
export interface OpenedSession {
  id: string;
}

export interface EmployerSessionInput {
  courseId: string;
  firstDay: string;
  venue: string;
  capacity: number;
  employerCreditCode: string;
  employerName: string;
}

/** What the association reads and does at the other subgraphs for employer-run training. */
export interface Owners {
  /** The course as its owner has it; null when no institution has it. UNAVAILABLE when the owner does not answer. */
  course(courseId: string): Promise<CourseFacts | null>;
  /** The employer's registered name; null when no employer has the code. UNAVAILABLE when the registry does not answer. */
  employerName(creditCode: string): Promise<string | null>;
  /**
   * Opens the employer-run session at the course's owner, as the caller (their Authorization header):
   * the owner decides, by its own policy, whether they may. The owner's typed refusals pass on unchanged.
   */
  openEmployerSession(authorization: string | undefined, input: EmployerSessionInput): Promise<OpenedSession>;
}

const TIMEOUT_MS = 5_000;
/** The owner's refusals a scheduler can act on; anything else is the owner being unavailable. */
const PASSED_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.NOT_FOUND,
]);

interface Answer<Data> {
  data?: Data | null;
  errors?: { extensions?: { code?: string; zh?: string; en?: string } }[];
}

/** Asks the subgraphs at `subgraphUrl(name)` (read on each call) over HTTP. */
export function createOwners(subgraphUrl: (name: string) => string, logger: Logger): Owners {
  const unavailable = (name: string) =>
    new UserError(
      ErrorCode.UNAVAILABLE,
      { zh: `${name} 服务暂时不可用，请稍后再试`, en: `The ${name} service is unavailable; please try again later` },
      { serviceName: name },
    );

  const post = async <Data>(
    name: string,
    query: string,
    variables: Record<string, unknown>,
    authorization?: string,
  ): Promise<Data> => {
    let body: Answer<Data>;
    try {
      const response = await fetch(subgraphUrl(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      body = (await response.json()) as Answer<Data>;
    } catch (error) {
      logger.warn({ err: error, subgraph: name }, 'subgraph unreachable');
      throw unavailable(name);
    }
    const refusal = body.errors?.[0]?.extensions;
    if (refusal?.code && PASSED_CODES.has(refusal.code) && refusal.zh && refusal.en) {
      throw new UserError(refusal.code as ErrorCode, { zh: refusal.zh, en: refusal.en });
    }
    if (body.errors?.length || !body.data) {
      logger.error({ errors: body.errors, subgraph: name }, 'subgraph answered with errors');
      throw unavailable(name);
    }
    return body.data;
  };

  return {
    course: async (courseId) => {
      const owner = parseOwnedId(courseId);
      if (!owner || owner.kind !== 'course') return null;
      const data = await post<{
        _entities: ({
          id: string;
          title: string;
          category: CourseFacts['category'];
          year: number;
          days: number | null;
          hours: number;
        } | null)[];
      }>(
        owner.institution.code,
        `query Course($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on ${owner.typename} { id title category year days hours } }
        }`,
        { representations: [{ __typename: owner.typename, id: courseId }] },
      );
      const raw = data._entities[0];
      return raw ? { ...raw, minutes: hoursToMinutes(raw.hours) } : null;
    },

    employerName: async (creditCode) => {
      const data = await post<{ _entities: ({ name: string } | null)[] }>(
        'registry',
        'query Employer($representations: [_Any!]!) { _entities(representations: $representations) { ... on Employer { name } } }',
        { representations: [{ __typename: 'Employer', creditCode }] },
      );
      return data._entities[0]?.name ?? null;
    },

    openEmployerSession: async (authorization, input) => {
      const owner = parseOwnedId(input.courseId);
      if (!owner) throw unavailable('institution');
      const { typePrefix, code } = institution(owner.institution.code);
      const data = await post<Record<string, OpenedSession>>(
        code,
        `mutation Open($input: OpenEmployerSessionInput!) { opened: openEmployer${typePrefix}Session(input: $input) { id } }`,
        { input },
        authorization,
      );
      const opened = data['opened'];
      if (!opened) throw unavailable(code);
      return opened;
    },
  };
}
