import { readFileSync } from 'node:fs';
import { createSandboxSms } from '@xueshi/registry/sms';
import { UNPAID_HOLD_LIMITS, maskIdNumber } from '@xueshi/domain';
import { INSTITUTION_POLICY } from '@xueshi/institutions';
import { DEMO_EMPLOYER } from '@xueshi/institutions/demo';
import { REGISTRY_POLICY } from '@xueshi/registry/policy';
import { createTokenSigner, generateSigningKeys } from '@xueshi/subgraph-kit';
import type { Caller, Role as CallerRole, Rule } from '@xueshi/subgraph-kit';
import { ManualClock, testKeys } from '@xueshi/subgraph-kit/testing';
import { Kind, parse } from 'graphql';
import type { ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../../harness/contract';
import { insertSjtuSession } from '../../harness/fixtures';
import { startTestGraph } from '../../harness/graph';
import type { TestGraph } from '../../harness/graph';
import { registerAndPay } from '../../harness/journey';
import { signUpLearner } from '../../harness/learners';
import type { SignedUpLearner } from '../../harness/learners';
import { bearer, errorCodes, graphSnapshot, insertFreshSjtuSession, post, subgraphUrl } from './support';
import type { Reply } from './support';

/*
 * Who may see and do what (DOMAIN.md), field by field: every role against every sensitive field and
 * mutation, through the gateway and straight at the subgraph that serves it, with good, bad and forged
 * credentials. The table below is the specification; one test is generated per cell.
 */

type Role = 'anonymous' | 'learnerA' | 'learnerB' | 'staffOwn' | 'staffOther' | 'registrar' | 'analyst' | 'employer';
const ROLES: readonly Role[] = [
  'anonymous',
  'learnerA',
  'learnerB',
  'staffOwn',
  'staffOther',
  'registrar',
  'analyst',
  'employer',
];

type Outcome = 'data' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
const OUTCOME: Record<string, Outcome> = {
  data: 'data',
  null: 'null',
  U: 'UNAUTHENTICATED',
  F: 'FORBIDDEN',
  NF: 'NOT_FOUND',
};

/**
 * The expected outcome of every cell. Columns: nobody signed in; learner A, whose records these are;
 * learner B, another learner; staff of the institution concerned (sjtu, which runs A's session; the
 * elective provider for courseware); staff of another institution; the registrar; an analyst.
 * An employer account (signed in with its credit code) comes last: it reaches no learner's record.
 * data = allowed, with data; null = allowed, answers null; U/F/NF = refused as UNAUTHENTICATED,
 * FORBIDDEN or NOT_FOUND (NOT_FOUND where a learner asks for another learner's record: its existence is
 * not revealed). A's records are reached by each caller's own best path: `me` for A, the session's
 * roster for staff, `learner(id)` for everyone else.
 */
const MATRIX = `
  row                          anonymous learnerA learnerB staffOwn staffOther registrar analyst employer
  Learner.idNumber             U         data     F        null     F          data      F         F
  Learner.mobile               U         data     F        null     F          data      F         F
  Learner.name                 U         data     F        data     F          data      F         F
  Learner.idNumberMasked       U         data     F        data     F          data      F         F
  Learner.mobileMasked         U         data     F        data     F          data      F         F
  Learner.registrations        U         data     F        F        F          data      F         F
  Learner.creditEntries        U         data     F        F        F          data      F         F
  Learner.cycle                U         data     F        F        F          data      F         F
  Learner.transcripts          U         data     F        F        F          data      F         F
  Learner.cycleStartYearChanges U        data     F        F        F          data      F         F
  Learner.pendingCredit        U         data     F        F        F          data      F         F
  Registration.learner         U         data     F        data     F          data      F         F
  Registration.payments        U         data     F        data     F          data      F         F
  Registration.creditEntry     U         data     F        data     F          data      F         F
  Registration.pendingCredit   U         null     F        null     F          null      F         F
  Payment                      U         data     F        data     F          data      F         F
  Invoice.document             U         data     F        data     F          data      F         F
  invoicePdf                   U         data     NF       data     F          data      F         F
  me                           null      data     data     null     null       null      null      null
  learner                      U         F        F        F        F          data      F         F
  learnersByIdNumber           U         F        F        F        F          data      F         F
  roster                       U         F        F        data     F          data      F         F
  Session.unpaidHolds          U         F        F        data     F          data      F         F
  Session.dateChanges          U         F        F        data     F          data      F         F
  rosterCsv                    U         F        F        data     F          data      F         F
  programmeStatistics          U         F        F        F        F          data      data      F
  cycleCompliance              U         F        F        F        F          data      data      F
  registrationFacts            U         F        F        F        F          data      data      F
  complianceFacts              U         F        F        F        F          data      data      F
  verifyTranscript             data      data     data     data     data       data      data      data
  register                     U         data     data     F        F          F         F         F
  pay                          U         data     NF       F        F          F         F         F
  withdraw                     U         data     NF       F        F          F         F         F
  requestInvoice               U         data     NF       F        F          F         F         F
  reportOutcome                U         F        F        data     F          data      F         F
  reportOutcomes               U         F        F        data     F          data      F         F
  reportOutcomesCsv            U         F        F        data     F          data      F         F
  reportCoursewareCompletion   U         F        F        data     F          data      F         F
  reverseCreditEntry           U         F        F        F        F          data      F         F
  recordCreditEntry            U         F        F        F        F          data      F         F
  restoreIdNumber              U         F        F        F        F          data      F         F
  loadOfficialCalendar         U         F        F        F        F          data      F         F
  setCycleStartYear            U         F        F        F        F          data      F         F
  requestMobileCode            U         data     data     F        F          F         F         F
  verifyMobile                 U         data     data     F        F          F         F         F
  issueTranscript              U         data     data     F        F          F         F         F
  openSjtuSession              U         F        F        data     F          data      F         F
  updateSjtuSession            U         F        F        data     F          data      F         F
  setSjtuContacts              U         F        F        data     F          data      F         F
  createSjtuCourse             U         F        F        F        F          data      F         F
`;

function parseMatrix(table: string): Map<string, Record<Role, Outcome>> {
  const [header, ...lines] = table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  expect(header?.slice(1)).toEqual(ROLES);
  return new Map(
    lines.map(([row = '', ...cells]) => {
      expect(cells, row).toHaveLength(ROLES.length);
      return [row, Object.fromEntries(ROLES.map((role, index) => [role, OUTCOME[cells[index] ?? '']])) as Record<Role, Outcome>];
    }),
  );
}

const SPECIFIED = parseMatrix(MATRIX);

/**
 * The rows one rule of the policy decides alone (subgraphs/registry/src/policy.ts, and the institutions'
 * in packages/institutions/src/policy.ts): their expectations are read from the rule, and the table
 * above checks the rule says what DOMAIN.md does. The other rows depend on more than a rule (what a
 * caller can reach, NOT_FOUND hiding another learner's record, null for a field withheld).
 */
const RULE_ROWS: Readonly<Record<string, Rule>> = {
  'Learner.registrations': REGISTRY_POLICY.ownRecord,
  'Learner.creditEntries': REGISTRY_POLICY.ownRecord,
  'Learner.cycle': REGISTRY_POLICY.ownRecord,
  'Learner.transcripts': REGISTRY_POLICY.ownRecord,
  'Learner.cycleStartYearChanges': REGISTRY_POLICY.ownRecord,
  'Learner.pendingCredit': REGISTRY_POLICY.ownRecord,
  'Registration.learner': REGISTRY_POLICY.registrant,
  'Invoice.document': REGISTRY_POLICY.invoiceDocument,
  learner: REGISTRY_POLICY.learnerLookup,
  learnersByIdNumber: REGISTRY_POLICY.learnerLookup,
  roster: REGISTRY_POLICY.sessionRecords,
  rosterCsv: REGISTRY_POLICY.sessionRecords,
  'Session.unpaidHolds': REGISTRY_POLICY.sessionRecords,
  reportOutcome: REGISTRY_POLICY.sessionRecords,
  reportOutcomes: REGISTRY_POLICY.sessionRecords,
  reportOutcomesCsv: REGISTRY_POLICY.sessionRecords,
  reportCoursewareCompletion: REGISTRY_POLICY.sessionRecords,
  programmeStatistics: REGISTRY_POLICY.aggregateFigures,
  cycleCompliance: REGISTRY_POLICY.aggregateFigures,
  registrationFacts: REGISTRY_POLICY.aggregateFigures,
  complianceFacts: REGISTRY_POLICY.aggregateFigures,
  register: REGISTRY_POLICY.learnerSelfService,
  requestMobileCode: REGISTRY_POLICY.learnerSelfService,
  verifyMobile: REGISTRY_POLICY.learnerSelfService,
  issueTranscript: REGISTRY_POLICY.learnerSelfService,
  reverseCreditEntry: REGISTRY_POLICY.ledgerCorrection,
  recordCreditEntry: REGISTRY_POLICY.ledgerCorrection,
  restoreIdNumber: REGISTRY_POLICY.idNumberRestoration,
  loadOfficialCalendar: REGISTRY_POLICY.calendarLoading,
  setCycleStartYear: REGISTRY_POLICY.cycleStartChange,
  'Session.dateChanges': INSTITUTION_POLICY.institutionManagement,
  openSjtuSession: INSTITUTION_POLICY.institutionManagement,
  updateSjtuSession: INSTITUTION_POLICY.institutionManagement,
  setSjtuContacts: INSTITUTION_POLICY.institutionManagement,
  createSjtuCourse: INSTITUTION_POLICY.noticeCourses,
};

/** Each column's role, and whether the subject of the rows is its own (A's records, sjtu's session). */
const COLUMN_CALLERS: Record<Role, { role: CallerRole | null; owns: boolean }> = {
  anonymous: { role: null, owns: false },
  learnerA: { role: 'LEARNER', owns: true },
  learnerB: { role: 'LEARNER', owns: false },
  staffOwn: { role: 'INSTITUTION_STAFF', owns: true },
  staffOther: { role: 'INSTITUTION_STAFF', owns: false },
  registrar: { role: 'REGISTRAR', owns: false },
  analyst: { role: 'ANALYST', owns: false },
  employer: { role: 'EMPLOYER', owns: false },
};

/** What a rule gives a column: data where it lets the column's role in for this subject, refused otherwise. */
function outcomeUnder(rule: Rule, column: Role): Outcome {
  const { role, owns } = COLUMN_CALLERS[column];
  if (role === null) return 'UNAUTHENTICATED';
  const reach = rule[role];
  return reach === 'any' || (reach === 'own' && owns) ? 'data' : 'FORBIDDEN';
}

const EXPECTED = new Map(
  [...SPECIFIED].map(([row, cells]) => {
    const rule = RULE_ROWS[row];
    return [
      row,
      rule ? (Object.fromEntries(ROLES.map((role) => [role, outcomeUnder(rule, role)])) as Record<Role, Outcome>) : cells,
    ];
  }),
);

/** The registry's SMS sandbox, where the verifyMobile row reads the code a learner was sent. */
const sms = createSandboxSms();

// ---------------------------------------------------------------------------------------------------
// Fixtures, made once through the gateway

interface Fixtures {
  a: SignedUpLearner & { name: string; mobile: string };
  b: SignedUpLearner;
  /** A's sjtu session (over), the registration on it (paid, passed), its payment, invoice and credit entry. */
  session: string;
  registration: string;
  payment: string;
  invoice: string;
  creditEntry: string;
  /** A's courseware registration at the elective provider (paid, completed) and when it was finished. */
  courseware: string;
  coursewareCompletedAt: string;
  /** A's registration awaiting payment, and its session. */
  awaiting: string;
  awaitingSession: string;
  /** A session nobody has registered for, open for registration. */
  openSession: string;
  /** An sjtu session the institution mutations change. */
  sessionToUpdate: string;
  transcriptCode: string;
}

const A_NAME = '欧阳明月';
const A_MOBILE = '13700001234';
const B_NAME = '司马青山';
const MATRIX_TIME = '2021-04-20T10:00:00+08:00';
const COURSEWARE_SESSION = 'elective-provider:session:2021-ethics';

let graph: TestGraph;
let fx: Fixtures;

const staffOf = (institution: string): Caller => ({ role: 'INSTITUTION_STAFF', subject: `${institution}-staff`, institution });
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const ANALYST: Caller = { role: 'ANALYST', subject: 'analyst' };
/** An employer account (the demo's), which sees its own training requests and no learner's record. */
const EMPLOYER: Caller = { role: 'EMPLOYER', subject: DEMO_EMPLOYER.creditCode };
/** The institution another institution's staff come from, for each institution concerned. */
const OTHER_INSTITUTION: Record<string, string> = { sjtu: 'shu', 'elective-provider': 'sjtu' };

function callerOf(role: Role, institution: string): Caller | null {
  switch (role) {
    case 'anonymous':
      return null;
    case 'learnerA':
      return fx.a.caller;
    case 'learnerB':
      return fx.b.caller;
    case 'staffOwn':
      return staffOf(institution);
    case 'staffOther':
      return staffOf(OTHER_INSTITUTION[institution] ?? 'shu');
    case 'registrar':
      return REGISTRAR;
    case 'analyst':
      return ANALYST;
    case 'employer':
      return EMPLOYER;
  }
}

async function execute<Data>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<Data> {
  const result = await graph.execute<Data>(query, variables, caller);
  if (!result.data || result.errors) throw new Error(`fixture failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Registers A for a session of a course they do not hold yet; returns the registration (awaiting payment). */
async function freshRegistrationOfA(sessionId?: string): Promise<string> {
  sessionId ??= await insertFreshSjtuSession(graph);
  const data = await execute<{ register: { id: string } }>(contractOperation('Register'), { sessionId }, fx.a.caller);
  return data.register.id;
}

let idempotency = 0;
const nextKey = () => `matrix-${process.pid}-${(idempotency += 1)}`;

/** A fresh paid registration of A; returns its payment. */
async function freshPaymentOfA(): Promise<string> {
  const registrationId = await freshRegistrationOfA();
  const data = await execute<{ pay: { id: string; status: string } }>(
    contractOperation('Pay'),
    { registrationId, idempotencyKey: nextKey() },
    fx.a.caller,
  );
  expect(data.pay.status).toBe('SUCCEEDED');
  return data.pay.id;
}

async function createFixtures(): Promise<Fixtures> {
  const a = await signUpLearner(graph, { name: A_NAME, mobile: A_MOBILE, employer: '上海矩阵测试有限公司' });
  const b = await signUpLearner(graph, { name: B_NAME, mobile: '13600005678' });
  const session = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-matrix', capacity: 50 });
  const sessionToUpdate = await insertSjtuSession(graph.subgraph('sjtu').database, {
    local: '2021-data-matrix-upd',
    firstDay: '2021-07-08',
  });

  // 22 February: A registers and pays for the March session and a courseware, and asks for an invoice.
  const registration = await registerAndPay(graph, a, session);
  const courseware = await registerAndPay(graph, a, COURSEWARE_SESSION);
  const paid = await execute<{ me: { registrations: { id: string; payments: { id: string }[] }[] } }>(
    `{ me { registrations { id payments { id } } } }`,
    {},
    a.caller,
  );
  const payment = paid.me.registrations.find((entry) => entry.id === registration)?.payments[0]?.id ?? '';
  const invoiced = await execute<{ requestInvoice: { id: string } }>(
    `mutation ($input: RequestInvoiceInput!) { requestInvoice(input: $input) { id } }`,
    { input: { paymentId: payment, kind: 'PERSONAL' } },
    a.caller,
  );

  // After the session: sjtu reports A passed, the elective provider reports the courseware finished.
  graph.clock.set('2021-03-22T10:00:00+08:00');
  const reported = await execute<{ reportOutcome: { creditEntry: { id: string } | null } }>(
    contractOperation('ReportOutcome'),
    { registrationId: registration, attendedFully: true, examPassed: true },
    staffOf('sjtu'),
  );
  const coursewareCompletedAt = '2021-03-01T20:00:00+08:00';
  await execute(
    `mutation ($id: ID!, $at: DateTime!) { reportCoursewareCompletion(registrationId: $id, completedAt: $at) { id } }`,
    { id: courseware, at: coursewareCompletedAt },
    staffOf('elective-provider'),
  );

  // 20 April, when the matrix runs: the credit is visible; A issues a transcript and holds a seat unpaid.
  graph.clock.set(MATRIX_TIME);
  const transcript = await execute<{ issueTranscript: { verificationCode: string } }>(
    `mutation { issueTranscript { verificationCode } }`,
    {},
    a.caller,
  );
  const partial: Fixtures = {
    a: { ...a, name: A_NAME, mobile: A_MOBILE },
    b,
    session,
    registration,
    payment,
    invoice: invoiced.requestInvoice.id,
    creditEntry: reported.reportOutcome.creditEntry?.id ?? '',
    courseware,
    coursewareCompletedAt,
    awaiting: '',
    awaitingSession: await insertFreshSjtuSession(graph),
    openSession: await insertFreshSjtuSession(graph),
    sessionToUpdate,
    transcriptCode: transcript.issueTranscript.verificationCode,
  };
  fx = partial;
  fx.awaiting = await freshRegistrationOfA(fx.awaitingSession);
  for (const [name, value] of Object.entries(fx)) expect(value, name).toBeTruthy();
  return fx;
}

// ---------------------------------------------------------------------------------------------------
// What each row asks, per role

interface Probe {
  query: string;
  variables?: Record<string, unknown>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are walked by path; each row knows its shape */
interface RowSpec {
  /** The subgraph that serves the row, also asked directly. */
  subgraph: 'registry' | 'sjtu';
  /** The institution whose staff are "own" for this row. */
  institution?: string;
  mutation?: boolean;
  /** A document download rather than a GraphQL operation. */
  download?: boolean;
  /** The request for `role`; `allowed` cells of mutations get targets of their own, so each cell stands alone. */
  probe(role: Role, allowed: boolean): Probe | Promise<Probe>;
  /** The request straight at the subgraph, where it differs (a field reached through `_entities`). */
  directProbe?(): Probe;
  /** The cell's value in the response data. */
  pick(data: any, role: Role): unknown;
  /** More about an allowed cell's value. */
  check?(value: any, role: Role): void;
  /** Personal data the row shows to whoever may run it at all (the public verification shows the name). */
  reveals?: 'name';
}

/** A's learner record as each role reaches it, with `selection`. */
function learnerPath(selection: string, field: string, check?: RowSpec['check']): RowSpec {
  return {
    subgraph: 'registry',
    probe: (role) => {
      if (role === 'learnerA') return { query: `{ me { id ${selection} } }` };
      if (role === 'staffOwn' || role === 'staffOther') {
        return {
          query: `query ($session: ID!) { roster(sessionId: $session) { id learner { id ${selection} } } }`,
          variables: { session: fx.session },
        };
      }
      return { query: `query ($id: ID!) { learner(id: $id) { id ${selection} } }`, variables: { id: fx.a.id } };
    },
    pick: (data, role) => {
      const learner =
        role === 'learnerA'
          ? data?.me
          : role === 'staffOwn' || role === 'staffOther'
            ? data?.roster?.find((entry: any) => entry.id === fx.registration)?.learner
            : data?.learner;
      return learner?.[field];
    },
    ...(check ? { check } : {}),
  };
}

/** A's sjtu registration as each role reaches it, with `selection`. */
function registrationPath(selection: string, field: string, check?: RowSpec['check']): RowSpec {
  return {
    subgraph: 'registry',
    probe: (role) => {
      if (role === 'learnerA') return { query: `{ me { registrations { id ${selection} } } }` };
      if (role === 'registrar') {
        return {
          query: `query ($id: ID!) { learner(id: $id) { registrations { id ${selection} } } }`,
          variables: { id: fx.a.id },
        };
      }
      return {
        query: `query ($session: ID!) { roster(sessionId: $session) { id ${selection} } }`,
        variables: { session: fx.session },
      };
    },
    pick: (data, role) => {
      const list =
        role === 'learnerA' ? data?.me?.registrations : role === 'registrar' ? data?.learner?.registrations : data?.roster;
      return list?.find((entry: any) => entry.id === fx.registration)?.[field];
    },
    ...(check ? { check } : {}),
  };
}

const mutation = (spec: Omit<RowSpec, 'mutation'>): RowSpec => ({ ...spec, mutation: true });

const SJTU_CONTACTS = [
  { name: '高老师', phones: ['13641974129'] },
  { name: '王老师', phones: ['17721428497'] },
];

const ROWS: Record<string, RowSpec> = {
  'Learner.idNumber': learnerPath('idNumber', 'idNumber', (value) => expect(value).toBe(fx.a.idNumber)),
  'Learner.mobile': learnerPath('mobile', 'mobile', (value) => expect(value).toBe(A_MOBILE)),
  'Learner.name': learnerPath('name', 'name', (value) => expect(value).toBe(A_NAME)),
  'Learner.idNumberMasked': learnerPath('idNumberMasked', 'idNumberMasked', (value) =>
    expect(value).toBe(`${fx.a.idNumber.slice(0, 3)}${'*'.repeat(11)}${fx.a.idNumber.slice(-4)}`),
  ),
  'Learner.mobileMasked': learnerPath('mobileMasked', 'mobileMasked', (value) => expect(value).toBe('137****1234')),
  'Learner.registrations': learnerPath('registrations { id }', 'registrations', (value) =>
    expect(value.map((entry: any) => entry.id)).toContain(fx.registration),
  ),
  'Learner.creditEntries': learnerPath('creditEntries { id hours }', 'creditEntries', (value) =>
    expect(value.map((entry: any) => entry.id)).toContain(fx.creditEntry),
  ),
  'Learner.cycle': learnerPath('cycle { startYear requiredHours }', 'cycle', (value) =>
    expect(value.requiredHours).toBeGreaterThanOrEqual(12),
  ),
  'Learner.transcripts': learnerPath('transcripts { verificationCode }', 'transcripts', (value) =>
    expect(value.map((entry: any) => entry.verificationCode)).toContain(fx.transcriptCode),
  ),
  'Learner.cycleStartYearChanges': learnerPath('cycleStartYearChanges { toYear }', 'cycleStartYearChanges', (value) =>
    expect(Array.isArray(value)).toBe(true),
  ),
  'Learner.pendingCredit': learnerPath('pendingCredit { id }', 'pendingCredit', (value) => expect(value).toEqual([])),
  'Registration.learner': registrationPath('learner { id name }', 'learner', (value) => expect(value.id).toBe(fx.a.id)),
  'Registration.payments': registrationPath('payments { id amountFen status }', 'payments', (value) =>
    expect(value).toContainEqual({ id: fx.payment, amountFen: 24_000, status: 'SUCCEEDED' }),
  ),
  'Registration.pendingCredit': registrationPath('pendingCredit { id }', 'pendingCredit'),
  'Registration.creditEntry': registrationPath('creditEntry { id hours }', 'creditEntry', (value) =>
    expect(value).toEqual({ id: fx.creditEntry, hours: 12 }),
  ),
  Payment: registrationPath('payments { id registration { id } invoice { id } }', 'payments', (value) =>
    expect(value).toContainEqual({ id: fx.payment, registration: { id: fx.registration }, invoice: { id: fx.invoice } }),
  ),
  'Invoice.document': registrationPath('payments { invoice { id title document { url } } }', 'payments', (value) =>
    expect(value[0].invoice).toMatchObject({
      id: fx.invoice,
      title: A_NAME,
      document: { url: expect.stringMatching(new RegExp(`^/documents/invoices/${fx.invoice}\\.pdf\\?token=`)) },
    }),
  ),
  invoicePdf: { subgraph: 'registry', download: true, probe: () => ({ query: '' }), pick: () => null },
  me: {
    subgraph: 'registry',
    probe: () => ({ query: '{ me { id name } }' }),
    pick: (data) => data?.me,
    check: (value, role) => expect(value.id).toBe(role === 'learnerA' ? fx.a.id : fx.b.id),
  },
  learner: {
    subgraph: 'registry',
    probe: () => ({ query: 'query ($id: ID!) { learner(id: $id) { id name idNumber } }', variables: { id: fx.a.id } }),
    pick: (data) => data?.learner,
    check: (value) => expect(value).toEqual({ id: fx.a.id, name: A_NAME, idNumber: fx.a.idNumber }),
  },
  learnersByIdNumber: {
    subgraph: 'registry',
    probe: () => ({
      query: 'query ($idNumber: String!) { learnersByIdNumber(idNumber: $idNumber) { id idNumberMasked } }',
      // As a registrar types it: the check letter in lower case, with spaces around.
      variables: { idNumber: ` ${fx.a.idNumber.toLowerCase()} ` },
    }),
    pick: (data) => data?.learnersByIdNumber,
    check: (value) => expect(value).toEqual([{ id: fx.a.id, idNumberMasked: maskIdNumber(fx.a.idNumber) }]),
  },
  roster: {
    subgraph: 'registry',
    probe: () => ({
      query: 'query ($session: ID!) { roster(sessionId: $session) { id status learner { name idNumberMasked mobileMasked } } }',
      variables: { session: fx.session },
    }),
    pick: (data) => data?.roster,
    check: (value) =>
      expect(value).toContainEqual({
        id: fx.registration,
        status: 'COMPLETED',
        learner: expect.objectContaining({ name: A_NAME, mobileMasked: '137****1234' }),
      }),
  },
  'Session.unpaidHolds': {
    subgraph: 'registry',
    probe: () => ({
      query: 'query ($id: ID!) { session(id: $id) { id unpaidHolds { held endedUnpaidLastDay learnersEndedUnpaidLastDay } } }',
      variables: { id: fx.awaitingSession },
    }),
    pick: (data) => data?.session?.unpaidHolds,
    check: (value) => expect(value).toEqual({ held: 1, endedUnpaidLastDay: 0, learnersEndedUnpaidLastDay: 0 }),
  },
  'Session.dateChanges': {
    subgraph: 'sjtu',
    probe: () => ({
      query: 'query ($id: ID!) { session(id: $id) { id dateChanges { changedBy reason } } }',
      variables: { id: fx.sessionToUpdate },
    }),
    directProbe: () => ({
      query:
        'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on SjtuSession { id dateChanges { changedBy reason } } } }',
      variables: { representations: [{ __typename: 'SjtuSession', id: fx.sessionToUpdate }] },
    }),
    pick: (data) => (data?.session ?? data?._entities?.[0])?.dateChanges,
    check: (value) => expect(value).toEqual([]),
  },
  rosterCsv: {
    subgraph: 'registry',
    probe: () => ({ query: 'query ($session: ID!) { rosterCsv(sessionId: $session) }', variables: { session: fx.session } }),
    pick: (data) => data?.rosterCsv,
    check: (value) => expect(value).toContain(`${fx.registration},${A_NAME},`),
  },
  programmeStatistics: {
    subgraph: 'registry',
    probe: () => ({
      query:
        '{ programmeStatistics(year: 2021) { learners registrations suppressed byInstitution { registrations suppressed } } }',
    }),
    pick: (data) => data?.programmeStatistics,
    // The matrix's few learners are a small group: answered, and withheld (ADR 0028).
    check: (value) => expect(value).toMatchObject({ learners: null, registrations: null, suppressed: true }),
  },
  cycleCompliance: {
    subgraph: 'registry',
    probe: () => ({ query: '{ cycleCompliance(startYear: 2021) { learnersWithCredit compliant suppressed } }' }),
    pick: (data) => data?.cycleCompliance,
    check: (value) => expect(value).toEqual({ learnersWithCredit: null, compliant: null, suppressed: true }),
  },
  // Grouped by every dimension: the finest cells an analyst can ask for still name no learner.
  registrationFacts: {
    subgraph: 'registry',
    probe: () => ({
      query: `{ registrationFacts(year: 2021, groupBy: [MONTH, INSTITUTION, COURSE, CATEGORY, DELIVERY_MODE, STATUS, EMPLOYER]) {
        rows { key { month institution course category deliveryMode status employer } learners registrations hours suppressed } } }`,
    }),
    pick: (data) => data?.registrationFacts,
    check: (value) => {
      expect(value.rows.length).toBeGreaterThan(0);
      for (const row of value.rows) expect(row.suppressed).toBe(true);
    },
  },
  complianceFacts: {
    subgraph: 'registry',
    probe: () => ({
      query:
        '{ complianceFacts(startYear: 2021, groupBy: [EMPLOYER, EMPLOYER_SIZE]) { rows { key { employer employerSize } learners compliant suppressed } csv } }',
    }),
    pick: (data) => data?.complianceFacts,
    check: (value) => expect(value.rows.length).toBeGreaterThan(0),
  },
  verifyTranscript: {
    subgraph: 'registry',
    // Anyone holding a transcript's code may check it: it shows the name and employer printed on the
    // paper, never the ID number or mobile. The code (60 random bits) is the capability.
    reveals: 'name',
    probe: () => ({
      query: 'query ($code: String!) { verifyTranscript(code: $code) { verificationCode learnerName stillMatchesLedger } }',
      variables: { code: fx.transcriptCode },
    }),
    pick: (data) => data?.verifyTranscript,
    check: (value) => expect(value).toMatchObject({ verificationCode: fx.transcriptCode, learnerName: A_NAME }),
  },
  register: mutation({
    subgraph: 'registry',
    probe: async (_role, allowed) => ({
      query: 'mutation ($session: ID!) { register(sessionId: $session) { id status } }',
      variables: { session: allowed ? await insertFreshSjtuSession(graph) : fx.openSession },
    }),
    pick: (data) => data?.register,
    check: (value) => expect(value.status).toBe('AWAITING_PAYMENT'),
  }),
  pay: mutation({
    subgraph: 'registry',
    probe: async (_role, allowed) => ({
      query: 'mutation ($id: ID!, $key: String!) { pay(registrationId: $id, idempotencyKey: $key) { id status } }',
      variables: { id: allowed ? await freshRegistrationOfA() : fx.awaiting, key: nextKey() },
    }),
    pick: (data) => data?.pay,
    check: (value) => expect(value.status).toBe('SUCCEEDED'),
  }),
  withdraw: mutation({
    subgraph: 'registry',
    probe: async (_role, allowed) => ({
      query: 'mutation ($id: ID!) { withdraw(registrationId: $id) { id status } }',
      variables: { id: allowed ? await freshRegistrationOfA() : fx.awaiting },
    }),
    pick: (data) => data?.withdraw,
    check: (value) => expect(value.status).toBe('WITHDRAWN'),
  }),
  requestInvoice: mutation({
    subgraph: 'registry',
    probe: async (_role, allowed) => ({
      query: 'mutation ($input: RequestInvoiceInput!) { requestInvoice(input: $input) { id title } }',
      variables: { input: { paymentId: allowed ? await freshPaymentOfA() : fx.payment, kind: 'PERSONAL' } },
    }),
    pick: (data) => data?.requestInvoice,
    check: (value) => expect(value.title).toBe(A_NAME),
  }),
  // The outcome rows report what is already recorded (A attended and passed): allowed callers get the
  // registration back unchanged, as the same report twice changes nothing.
  reportOutcome: mutation({
    subgraph: 'registry',
    probe: () => ({
      query: 'mutation ($id: ID!) { reportOutcome(registrationId: $id, attendedFully: true, examPassed: true) { id status } }',
      variables: { id: fx.registration },
    }),
    pick: (data) => data?.reportOutcome,
    check: (value) => expect(value.status).toBe('COMPLETED'),
  }),
  reportOutcomes: mutation({
    subgraph: 'registry',
    probe: () => ({
      query:
        'mutation ($session: ID!, $outcomes: [OutcomeInput!]!) { reportOutcomes(sessionId: $session, outcomes: $outcomes) { id status } }',
      variables: {
        session: fx.session,
        outcomes: [{ registrationId: fx.registration, attendedFully: true, examPassed: true }],
      },
    }),
    pick: (data) => data?.reportOutcomes,
    check: (value) => expect(value).toEqual([{ id: fx.registration, status: 'COMPLETED' }]),
  }),
  reportOutcomesCsv: mutation({
    subgraph: 'registry',
    probe: () => ({
      query: 'mutation ($session: ID!, $csv: String!) { reportOutcomesCsv(sessionId: $session, csv: $csv) { id status } }',
      variables: { session: fx.session, csv: `报名编号,全程参加,考试合格\r\n${fx.registration},是,是\r\n` },
    }),
    pick: (data) => data?.reportOutcomesCsv,
    check: (value) => expect(value).toEqual([{ id: fx.registration, status: 'COMPLETED' }]),
  }),
  reportCoursewareCompletion: mutation({
    subgraph: 'registry',
    institution: 'elective-provider',
    probe: () => ({
      query:
        'mutation ($id: ID!, $at: DateTime!) { reportCoursewareCompletion(registrationId: $id, completedAt: $at) { id status } }',
      variables: { id: fx.courseware, at: fx.coursewareCompletedAt },
    }),
    pick: (data) => data?.reportCoursewareCompletion,
    check: (value) => expect(value.status).toBe('COMPLETED'),
  }),
  reverseCreditEntry: mutation({
    subgraph: 'registry',
    probe: async (_role, allowed) => {
      let entryId = fx.creditEntry;
      if (allowed) {
        const recorded = await execute<{ recordCreditEntry: { id: string } }>(
          'mutation ($input: CreditEntryInput!) { recordCreditEntry(input: $input) { id } }',
          { input: manualEntry() },
          REGISTRAR,
        );
        entryId = recorded.recordCreditEntry.id;
      }
      return {
        query: 'mutation ($id: ID!, $reason: String!) { reverseCreditEntry(entryId: $id, reason: $reason) { id hours } }',
        variables: { id: entryId, reason: '重复登记，予以冲销' },
      };
    },
    pick: (data) => data?.reverseCreditEntry,
    check: (value) => expect(value.hours).toBe(-2),
  }),
  recordCreditEntry: mutation({
    subgraph: 'registry',
    probe: () => ({
      query: 'mutation ($input: CreditEntryInput!) { recordCreditEntry(input: $input) { id hours } }',
      variables: { input: manualEntry() },
    }),
    pick: (data) => data?.recordCreditEntry,
    check: (value) => expect(value.hours).toBe(2),
  }),
  requestMobileCode: mutation({
    subgraph: 'registry',
    probe: () => ({ query: 'mutation { requestMobileCode { expiresAt } }' }),
    pick: (data) => data?.requestMobileCode,
    check: (value) => expect(new Date(value.expiresAt).getTime()).toBeGreaterThan(graph.clock.now().getTime()),
  }),
  // An allowed learner enters the code just sent to their own mobile; anyone else guesses.
  verifyMobile: mutation({
    subgraph: 'registry',
    probe: async (role, allowed) => {
      const caller = callerOf(role, 'sjtu');
      if (allowed && caller) await execute('mutation { requestMobileCode { expiresAt } }', {}, caller);
      return {
        query: 'mutation ($code: String!) { verifyMobile(code: $code) { id mobileVerified } }',
        variables: { code: allowed ? (sms.sent.at(-1)?.text.match(/\d{6}/)?.[0] ?? '') : '000000' },
      };
    },
    pick: (data) => data?.verifyMobile,
    check: (value) => expect(value.mobileVerified).toBe(true),
  }),
  // A fresh account claims a number each time: an allowed restore locks it, and nobody else.
  restoreIdNumber: mutation({
    subgraph: 'registry',
    probe: async () => ({
      query: 'mutation ($input: RestoreIdNumberInput!) { restoreIdNumber(input: $input) { registrar lockedLearner { id } } }',
      variables: {
        input: { idNumber: (await signUpLearner(graph)).idNumber, identityCheck: '身份证原件核验', reason: '号码被抢注' },
      },
    }),
    pick: (data) => data?.restoreIdNumber,
    check: (value) => expect(value.registrar).toBe('registrar'),
  }),
  // Each allowed load is the next version of a year not built in.
  loadOfficialCalendar: mutation({
    subgraph: 'registry',
    probe: () => ({
      query: 'mutation ($input: OfficialCalendarInput!) { loadOfficialCalendar(input: $input) { calendar { year version } } }',
      variables: {
        input: {
          year: 2027,
          title: '国务院办公厅关于2027年部分节假日安排的通知',
          url: 'https://www.gov.cn/zhengce/content/test-2027.htm',
          daysOff: ['2027-01-01..2027-01-03'],
          workingWeekendDays: [],
          reason: '权限测试载入',
        },
      },
    }),
    pick: (data) => data?.loadOfficialCalendar,
    check: (value) => expect(value.calendar.year).toBe(2027),
  }),
  // A fresh learner each time an allowed call would move someone's cycle.
  setCycleStartYear: mutation({
    subgraph: 'registry',
    probe: async (_role, allowed) => ({
      query:
        'mutation ($id: ID!) { setCycleStartYear(learnerId: $id, startYear: 2024, reason: "首次取得职称年度") { id cycleStartYear } }',
      variables: { id: allowed ? (await signUpLearner(graph)).id : fx.a.id },
    }),
    pick: (data) => data?.setCycleStartYear,
    check: (value) => expect(value.cycleStartYear).toBe(2024),
  }),
  createSjtuCourse: mutation({
    subgraph: 'sjtu',
    probe: () => ({
      query: 'mutation ($input: NoticeCourseInput!) { createSjtuCourse(input: $input) { id hours notice { title } } }',
      variables: {
        input: {
          year: 2021,
          title: '经认可的讲座：安全生产',
          hours: 2,
          days: 1,
          feeFen: 4000,
          noticeTitle: '关于安全生产讲座的通知',
        },
      },
    }),
    pick: (data) => data?.createSjtuCourse,
    check: (value) => expect(value.hours).toBe(2),
  }),
  issueTranscript: mutation({
    subgraph: 'registry',
    probe: () => ({ query: 'mutation { issueTranscript { id verificationCode } }' }),
    pick: (data) => data?.issueTranscript,
    check: (value) => expect(value.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  }),
  openSjtuSession: mutation({
    subgraph: 'sjtu',
    probe: () => ({
      query: 'mutation ($input: OpenSessionInput!) { openSjtuSession(input: $input) { id title } }',
      variables: {
        input: {
          courseId: 'sjtu:course:2021-data',
          startsAt: '2021-07-15T09:00:00+08:00',
          endsAt: '2021-07-16T16:30:00+08:00',
          deliveryMode: 'LIVE_ONLINE',
          capacity: 30,
          registrationOpensAt: '2021-04-20T10:00:00+08:00',
        },
      },
    }),
    pick: (data) => data?.openSjtuSession,
    check: (value) => expect(value.id).toMatch(/^sjtu:session:2021-data-0715-/),
  }),
  updateSjtuSession: mutation({
    subgraph: 'sjtu',
    probe: () => ({
      query: 'mutation ($id: ID!, $input: UpdateSessionInput!) { updateSjtuSession(id: $id, input: $input) { id title } }',
      variables: { id: fx.sessionToUpdate, input: { title: '数据分析基础（七月班）' } },
    }),
    pick: (data) => data?.updateSjtuSession,
    check: (value) => expect(value).toEqual({ id: fx.sessionToUpdate, title: '数据分析基础（七月班）' }),
  }),
  setSjtuContacts: mutation({
    subgraph: 'sjtu',
    probe: () => ({
      query: 'mutation ($contacts: [ContactInput!]!) { setSjtuContacts(contacts: $contacts) { code contacts { name phones } } }',
      variables: { contacts: SJTU_CONTACTS },
    }),
    pick: (data) => data?.setSjtuContacts,
    check: (value) => expect(value).toEqual({ code: 'sjtu', contacts: SJTU_CONTACTS }),
  }),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

function manualEntry() {
  return {
    learnerId: fx.a.id,
    courseTitle: '经认可的讲座类课程：知识产权实务',
    institution: 'association',
    category: 'REQUIRED',
    hours: 2,
    completedOn: '2021-03-26',
    reason: '经认可的讲座，补录学时',
  };
}

// ---------------------------------------------------------------------------------------------------
// Credentials: each role's own token, and tokens and headers that must not work

type Credential =
  | { kind: 'role'; role: Role }
  | { kind: 'bad'; name: string; asRole: Role; header: () => Promise<Record<string, string>> }
  | { kind: 'forged'; name: string; asRole: Role };

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The registrar's claims signed with the test key, issued now, with `expiresIn` seconds to live (none: no expiry). */
async function registrarTokenLiving(expiresIn: number | null): Promise<Record<string, string>> {
  const now = Math.floor(graph.clock.now().getTime() / 1000);
  const claims = { sub: 'registrar', role: 'REGISTRAR', iss: 'xueshi-registry', aud: 'xueshi', iat: now };
  const token = await (await testKeys()).signClaims(expiresIn === null ? claims : { ...claims, exp: now + expiresIn });
  return { authorization: `Bearer ${token}` };
}

/** Tokens that prove nothing: each must be refused as UNAUTHENTICATED, whatever it claims. */
const BAD_CREDENTIALS: Credential[] = [
  { kind: 'bad', name: 'a malformed token', asRole: 'registrar', header: async () => ({ authorization: 'Bearer not-a-token' }) },
  {
    kind: 'bad',
    name: "an expired token of A's",
    asRole: 'learnerA',
    header: async () => {
      const keys = await testKeys();
      const hourAgo = new ManualClock(new Date(graph.clock.now().getTime() - 60 * 60 * 1000).toISOString());
      return { authorization: `Bearer ${await keys.tokenFor(fx.a.caller, hourAgo)}` };
    },
  },
  {
    kind: 'bad',
    name: "a registrar's token signed with a foreign key of the same key id",
    asRole: 'registrar',
    header: async () => {
      const foreign = await generateSigningKeys('test-key');
      const signer = await createTokenSigner(foreign.privateJwk, graph.clock);
      return { authorization: `Bearer ${await signer.sign(REGISTRAR)}` };
    },
  },
  {
    kind: 'bad',
    name: "an unsigned (alg none) registrar's token",
    asRole: 'registrar',
    header: async () => {
      const now = Math.floor(graph.clock.now().getTime() / 1000);
      const claims = { sub: 'registrar', role: 'REGISTRAR', iss: 'xueshi-registry', aud: 'xueshi', iat: now, exp: now + 600 };
      return { authorization: `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.` };
    },
  },
  {
    kind: 'bad',
    name: "a registrar's token without an expiry, signed by the real key",
    asRole: 'registrar',
    header: () => registrarTokenLiving(null),
  },
  {
    kind: 'bad',
    name: "a registrar's token living ten years, signed by the real key",
    asRole: 'registrar',
    header: () => registrarTokenLiving(10 * 365 * 24 * 60 * 60),
  },
  {
    kind: 'bad',
    name: "a download link's token of A's",
    asRole: 'learnerA',
    header: async () => {
      const signer = await createTokenSigner((await testKeys()).privateJwk, graph.clock);
      return { authorization: `Bearer ${await signer.signDocument(`/documents/invoices/${fx.invoice}.pdf`, fx.a.caller)}` };
    },
  },
];

/** Headers a client might hope a service trusts; every service must ignore them. */
const FORGED_HEADERS = (): Record<string, string> => ({
  'x-user-id': fx.a.id,
  'x-subject': 'registrar',
  'x-role': 'REGISTRAR',
  'x-institution': 'sjtu',
  'x-caller': JSON.stringify(REGISTRAR),
  'x-forwarded-user': 'registrar',
  'x-authenticated-userid': fx.a.id,
});

const CREDENTIALS: Credential[] = [
  ...ROLES.map((role): Credential => ({ kind: 'role', role })),
  ...BAD_CREDENTIALS,
  { kind: 'forged', name: 'no token but forged identity headers', asRole: 'anonymous' },
  { kind: 'forged', name: "learner B's token with forged identity headers", asRole: 'learnerB' },
];

const credentialName = (credential: Credential) => (credential.kind === 'role' ? credential.role : credential.name);
/** The column whose probe and expectation a credential takes. */
const columnOf = (credential: Credential): Role => (credential.kind === 'role' ? credential.role : credential.asRole);

async function headersFor(credential: Credential, institution: string): Promise<Record<string, string>> {
  switch (credential.kind) {
    case 'role':
      return bearer(graph, callerOf(credential.role, institution));
    case 'bad':
      return credential.header();
    case 'forged':
      return { ...FORGED_HEADERS(), ...(await bearer(graph, callerOf(credential.asRole, institution))) };
  }
}

/** Personal data of A's the caller behind `column` must never receive, in data or errors. */
function secretsHiddenFrom(column: Role, spec: RowSpec): string[] {
  if (column === 'learnerA' || column === 'registrar') return [];
  const unmasked = [fx.a.idNumber, A_MOBILE];
  return column === 'staffOwn' || spec.reveals === 'name' ? unmasked : [...unmasked, A_NAME];
}

// ---------------------------------------------------------------------------------------------------
// Running a cell

type Target = 'gateway' | 'direct';

async function download(target: Target, headers: Record<string, string>): Promise<Reply<unknown>> {
  const origin = target === 'gateway' ? new URL(graph.gatewayUrl).origin : `http://127.0.0.1:${graph.subgraph('registry').port}`;
  const response = await fetch(`${origin}/documents/invoices/${fx.invoice}.pdf`, { headers });
  const type = response.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = type.includes('json') ? bytes.toString('utf8') : `%${type}: ${bytes.length} bytes`;
  return {
    status: response.status,
    text,
    body: type.includes('json') ? (JSON.parse(text) as Reply['body']) : { data: { pdf: bytes.subarray(0, 5).toString() } },
  };
}

const STATUS_OF: Record<Outcome, number> = { data: 200, null: 200, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

async function runCell(row: string, target: Target, credential: Credential, expected: Outcome): Promise<void> {
  const spec = ROWS[row];
  if (!spec) throw new Error(`no spec for ${row}`);
  const institution = spec.institution ?? 'sjtu';
  const column = columnOf(credential);
  const allowed = expected === 'data' || expected === 'null';
  const probe = target === 'direct' && spec.directProbe ? spec.directProbe() : await spec.probe(column, allowed);
  const headers = await headersFor(credential, institution);
  const before = spec.mutation && !allowed ? await graphSnapshot(graph) : undefined;

  const reply = spec.download
    ? await download(target, headers)
    : await post(target === 'gateway' ? graph.gatewayUrl : subgraphUrl(graph, spec.subgraph), probe, headers);

  for (const secret of secretsHiddenFrom(credential.kind === 'bad' ? 'anonymous' : column, spec)) {
    expect(reply.text, `${row} shows personal data to ${credentialName(credential)}`).not.toContain(secret);
  }
  if (spec.download) {
    expect(reply.status, reply.text).toBe(STATUS_OF[expected]);
    if (expected === 'data') expect(reply.body.data).toEqual({ pdf: '%PDF-' });
    else expect(errorCodes(reply)).toEqual([expected]);
  } else if (allowed) {
    expect(reply.body.errors, reply.text).toBeUndefined();
    const value = spec.pick(reply.body.data, column);
    if (expected === 'null') expect(value).toBeNull();
    else {
      expect(value ?? undefined, reply.text).toBeDefined();
      spec.check?.(value, column);
    }
  } else {
    const codes = errorCodes(reply);
    expect(codes.length, reply.text).toBeGreaterThan(0);
    expect(new Set(codes), reply.text).toEqual(new Set([expected]));
    expect(spec.pick(reply.body.data, column) ?? null).toBeNull();
    if (expected === 'UNAUTHENTICATED' && credential.kind === 'bad') expect(reply.status).toBe(401);
  }
  if (before) expect(await graphSnapshot(graph)).toEqual(before);
}

/** The rows run straight at the subgraphs: the personal fields and every mutation (here: every row). */
const DIRECT_ROWS = [...EXPECTED.keys()];

describe('authorization matrix', () => {
  beforeAll(async () => {
    // One learner plays every row, so holds pile up beyond what the rules allow a real learner; the
    // limits have their own suite (unpaid-holds.test.ts).
    graph = await startTestGraph({
      seed: 'demo',
      smsProvider: sms,
      unpaidHoldLimits: { ...UNPAID_HOLD_LIMITS, maxLiveHolds: 100 },
    });
    fx = await createFixtures();
  });
  afterAll(() => graph?.close());

  it('covers every row the table names, and the table every row', () => {
    expect([...EXPECTED.keys()].sort()).toEqual(Object.keys(ROWS).sort());
  });

  it('reads from the policy, for each row one rule decides, what the table specifies', () => {
    for (const row of Object.keys(RULE_ROWS)) expect(EXPECTED.get(row), row).toEqual(SPECIFIED.get(row));
  });

  for (const target of ['gateway', 'direct'] as const) {
    describe(target === 'gateway' ? 'through the gateway' : 'straight at the registry and sjtu subgraphs', () => {
      const rows = target === 'gateway' ? [...EXPECTED.keys()] : DIRECT_ROWS;
      for (const row of rows) {
        describe(row, () => {
          for (const credential of CREDENTIALS) {
            const column = columnOf(credential);
            const expected: Outcome =
              credential.kind === 'bad' ? 'UNAUTHENTICATED' : (EXPECTED.get(row)?.[column] ?? 'FORBIDDEN');
            it(`${credentialName(credential)}: ${expected}`, () => runCell(row, target, credential, expected));
          }
        });
      }
    });
  }

  describe('_entities hands out no personal types', () => {
    const PERSONAL_TYPES = ['Learner', 'Registration', 'Payment', 'Invoice', 'CreditEntry', 'Transcript', 'StaffMember'];

    it.each(PERSONAL_TYPES)('refuses a %s representation at the registry, even from the registrar', async (typename) => {
      const ids: Record<string, string> = {
        Learner: fx.a.id,
        Registration: fx.registration,
        Payment: fx.payment,
        Invoice: fx.invoice,
        CreditEntry: fx.creditEntry,
        Transcript: fx.transcriptCode,
        StaffMember: 'registrar',
      };
      for (const caller of [REGISTRAR, fx.a.caller, null]) {
        const reply = await post(
          subgraphUrl(graph, 'registry'),
          {
            query: 'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }',
            variables: { representations: [{ __typename: typename, id: ids[typename], username: 'registrar' }] },
          },
          await bearer(graph, caller),
        );
        expect(errorCodes(reply), reply.text).toEqual(['BAD_USER_INPUT']);
        expect(reply.text).not.toContain(A_NAME);
        expect(reply.text).not.toContain(fx.a.idNumber);
      }
    });

    it('cannot even ask for a personal type in an _entities selection', async () => {
      const reply = await post(
        subgraphUrl(graph, 'registry'),
        {
          query:
            'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Learner { idNumber mobile name } } }',
          variables: { representations: [{ __typename: 'Learner', id: fx.a.id }] },
        },
        await bearer(graph, REGISTRAR),
      );
      expect(errorCodes(reply)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(reply.text).not.toContain(fx.a.idNumber);
    });

    it('is not part of the API the gateway serves', async () => {
      const result = await graph.execute(
        'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }',
        { representations: [{ __typename: 'Learner', id: fx.a.id }] },
        REGISTRAR,
      );
      expect(new Set(result.errors?.map((error) => error.extensions?.['code']))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    });

    /** The fields an institution's own types declare, from its generated SDL. */
    function fieldsOf(typename: string): string[] {
      const sdl = parse(readFileSync(new URL('../../../subgraphs/sjtu/src/generated.graphql', import.meta.url), 'utf8'));
      const type = sdl.definitions.find(
        (definition): definition is ObjectTypeDefinitionNode =>
          definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === typename,
      );
      return (type?.fields ?? []).map((field) => field.name.value);
    }

    it('serves sessions, courses and profiles whose fields hold no personal data', async () => {
      const PUBLIC_FIELDS = new Set([
        'id',
        'code',
        'title',
        'category',
        'year',
        'hours',
        'days',
        'feeFen',
        'description',
        'isSample',
        'institution',
        'sessions',
        'course',
        'courses',
        'startsAt',
        'endsAt',
        'firstDay',
        'lastDay',
        'deliveryMode',
        'venue',
        'capacity',
        'registrationOpensAt',
        'registrationClosesAt',
        'restrictedToEmployer',
        'employerCreditCode',
        'address',
        'hotline',
        'contacts',
        'notice',
      ]);
      // Not public but naming no learner: guarded by role in the resolver, with a row of its own above.
      const GUARDED_FIELDS = new Set(['dateChanges']);
      for (const typename of ['SjtuSession', 'SjtuCourse', 'SjtuProfile']) {
        const fields = fieldsOf(typename);
        expect(fields.length, typename).toBeGreaterThan(0);
        expect(
          fields.filter((field) => !PUBLIC_FIELDS.has(field) && !GUARDED_FIELDS.has(field)),
          typename,
        ).toEqual([]);
      }

      const reply = await post(
        subgraphUrl(graph, 'sjtu'),
        {
          query: `query ($representations: [_Any!]!) {
            _entities(representations: $representations) {
              ... on SjtuSession { id title venue capacity restrictedToEmployer course { id title } }
              ... on SjtuCourse { id title sessions { id title } }
              ... on SjtuProfile { code address contacts { name phones } courses(year: 2021) { id sessions { id } } }
            }
          }`,
          variables: {
            representations: [
              { __typename: 'SjtuSession', id: fx.session },
              { __typename: 'SjtuCourse', id: 'sjtu:course:2021-data' },
              { __typename: 'SjtuProfile', code: 'sjtu' },
            ],
          },
        },
        await bearer(graph, REGISTRAR),
      );
      expect(reply.body.errors, reply.text).toBeUndefined();
      expect((reply.body.data?.['_entities'] as unknown[]).every((entity) => entity !== null)).toBe(true);
      for (const secret of [A_NAME, B_NAME, A_MOBILE, fx.a.idNumber, fx.a.id, fx.registration, '上海矩阵测试有限公司']) {
        expect(reply.text).not.toContain(secret);
      }
    });

    it("gives the registry's own session entities a seat count and nothing about who holds the seats", async () => {
      const reply = await post(subgraphUrl(graph, 'registry'), {
        query: `query ($representations: [_Any!]!) {
            _entities(representations: $representations) { ... on SjtuSession { id seatsTaken } ... on Institution { code name } }
          }`,
        variables: {
          representations: [
            { __typename: 'Session', id: fx.session },
            { __typename: 'SjtuSession', id: fx.session },
            { __typename: 'Institution', code: 'sjtu' },
          ],
        },
      });
      expect(reply.body.errors, reply.text).toBeUndefined();
      expect(reply.body.data?.['_entities']).toEqual([
        { id: fx.session, seatsTaken: 1 },
        { id: fx.session, seatsTaken: 1 },
        { code: 'sjtu', name: '上海交通大学' },
      ]);
    });
  });
});
