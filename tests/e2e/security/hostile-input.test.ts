import { idNumberCheckCharacter } from '@xueshi/domain';
import { learners } from '@xueshi/registry/db';
import type { Caller } from '@xueshi/subgraph-kit';
import { rawGet } from '@xueshi/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperation } from '../../harness/contract';
import { insertSjtuSession, randomIdNumber } from '../../harness/fixtures';
import { startTestGraph } from '../../harness/graph';
import type { TestGraph } from '../../harness/graph';
import { registerAndPay } from '../../harness/journey';
import { signUpLearner } from '../../harness/learners';
import type { SignedUpLearner } from '../../harness/learners';
import { bearer, errorCodes, expectTypedRefusal, graphSnapshot, insertFreshSjtuSession, post, subgraphUrl } from './support';
import type { Reply } from './support';

/*
 * Hostile input through the API: malformed requests, wrong types, markup, SQL and control characters in
 * every text input, look-alike identifiers and other people's ids. Every refusal must be typed, tell
 * nothing of the internals, and leave every database as it was. Where a hostile-looking value is
 * legitimately accepted, the suite shows it is kept verbatim and does no harm.
 */

const SIGN_UP = contractOperation('SignUp');
const SIGN_IN = contractOperation('SignIn');
const STAFF_SIGN_IN = contractOperation('StaffSignIn');
const REGISTER = contractOperation('Register');
const PAY = contractOperation('Pay');
const WITHDRAW = contractOperation('Withdraw');
const REPORT_OUTCOME = contractOperation('ReportOutcome');
const REQUEST_INVOICE = 'mutation ($input: RequestInvoiceInput!) { requestInvoice(input: $input) { id title } }';
const REPORT_OUTCOMES =
  'mutation ($session: ID!, $outcomes: [OutcomeInput!]!) { reportOutcomes(sessionId: $session, outcomes: $outcomes) { id } }';
const REPORT_CSV = 'mutation ($session: ID!, $csv: String!) { reportOutcomesCsv(sessionId: $session, csv: $csv) { id } }';
const COURSEWARE_DONE =
  'mutation ($id: ID!, $at: DateTime!) { reportCoursewareCompletion(registrationId: $id, completedAt: $at) { id } }';
const REVERSE = 'mutation ($id: ID!, $reason: String!) { reverseCreditEntry(entryId: $id, reason: $reason) { id } }';
const RECORD = 'mutation ($input: CreditEntryInput!) { recordCreditEntry(input: $input) { id } }';
const ROSTER = 'query ($session: ID!) { roster(sessionId: $session) { id } }';
const ROSTER_CSV = 'query ($session: ID!) { rosterCsv(sessionId: $session) }';
const OPEN_SESSION = 'mutation ($input: OpenSessionInput!) { openSjtuSession(input: $input) { id } }';
const UPDATE_SESSION = 'mutation ($id: ID!, $input: UpdateSessionInput!) { updateSjtuSession(id: $id, input: $input) { id } }';
const SET_CONTACTS = 'mutation ($contacts: [ContactInput!]!) { setSjtuContacts(contacts: $contacts) { code } }';
const STATISTICS = 'query ($year: Int!) { programmeStatistics(year: $year) { year } }';

const SJTU_STAFF: Caller = { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' };
const PROVIDER_STAFF: Caller = {
  role: 'INSTITUTION_STAFF',
  subject: 'elective-provider-staff',
  institution: 'elective-provider',
};
const REGISTRAR: Caller = { role: 'REGISTRAR', subject: 'registrar' };
const COURSEWARE_SESSION = 'elective-provider:session:2021-ethics';
const SHU_SESSION = 'shu:session:2021-ai-0318';
const VALID_CREDIT_CODE = '91310000132149237G';
const HOSTILE_TIME = '2021-03-22T10:00:00+08:00';

/** What an attacker types into text fields. */
const HOSTILE_TEXT: Record<string, string> = {
  'SQL: always true': "' OR '1'='1",
  'SQL: drop a table': "'; DROP TABLE learners; --",
  'SQL: delete rows': '1); DELETE FROM registrations; --',
  'a script tag': '<script>alert(1)</script>',
  'a javascript: URL': 'javascript:alert(1)',
  'a NUL character': '\u0000',
  'a NUL inside a plausible value': '上海\u0000测试',
  'an RTL override': '\u202Egnp.exe\u202C上海',
  '100 000 characters': 'a'.repeat(100_000),
};

/** What an attacker puts where an id belongs, beyond the text above. */
const HOSTILE_IDS: Record<string, string> = {
  ...HOSTILE_TEXT,
  'an id with an extra : part': 'sjtu:session:2021-data-0311:extra',
  'an id with empty : parts': 'sjtu::',
  'only colons': ':::',
  'the nil UUID': '00000000-0000-0000-0000-000000000000',
  'a UUID nobody holds': 'ffffffff-ffff-4fff-bfff-ffffffffffff',
  'UUID-shaped garbage': 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  'a UUID with SQL after it': '12345678-1234-4234-8234-123456789012; --',
};

interface Fixtures {
  learner: SignedUpLearner;
  other: SignedUpLearner;
  /** The learner's sjtu session that is over, and their paid registration on it, outcome not yet reported. */
  pastSession: string;
  reportable: string;
  /** The learner's paid registration of a later session, and its payment (not invoiced). */
  future: string;
  payment: string;
  /** The learner's registration awaiting payment. */
  awaiting: string;
  /** The learner's paid courseware, not finished yet. */
  courseware: string;
  /** A credit entry of the learner's. */
  creditEntry: string;
  /** Another learner's paid registration and its payment. */
  othersRegistration: string;
  othersPayment: string;
  /** An sjtu session to try changes on. */
  sessionToUpdate: string;
}

let graph: TestGraph;
let fx: Fixtures;

async function execute<Data>(query: string, variables: Record<string, unknown>, caller?: Caller): Promise<Data> {
  const result = await graph.execute<Data>(query, variables, caller);
  if (!result.data || result.errors) throw new Error(`fixture failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function paymentOf(learner: SignedUpLearner, registrationId: string): Promise<string> {
  const data = await execute<{ me: { registrations: { id: string; payments: { id: string }[] }[] } }>(
    '{ me { registrations { id payments { id } } } }',
    {},
    learner.caller,
  );
  return data.me.registrations.find((entry) => entry.id === registrationId)?.payments[0]?.id ?? '';
}

async function createFixtures(): Promise<Fixtures> {
  const learner = await signUpLearner(graph, { name: '钱多多' });
  const other = await signUpLearner(graph, { name: '孙少少' });
  const pastSession = await insertSjtuSession(graph.subgraph('sjtu').database, { local: '2021-data-hostile', capacity: 50 });
  const reportable = await registerAndPay(graph, learner, pastSession);
  const future = await registerAndPay(graph, learner, await insertFreshSjtuSession(graph));
  const courseware = await registerAndPay(graph, learner, COURSEWARE_SESSION);
  const othersRegistration = await registerAndPay(graph, other, await insertFreshSjtuSession(graph));
  graph.clock.set(HOSTILE_TIME);
  const awaiting = (
    await execute<{ register: { id: string } }>(REGISTER, { sessionId: await insertFreshSjtuSession(graph) }, learner.caller)
  ).register.id;
  const recorded = await execute<{ recordCreditEntry: { id: string } }>(
    RECORD,
    {
      input: {
        learnerId: learner.id,
        courseTitle: '经认可的讲座类课程',
        institution: 'association',
        category: 'REQUIRED',
        hours: 3,
        completedOn: '2021-03-05',
        reason: '经认可的讲座，补录学时',
      },
    },
    REGISTRAR,
  );
  return {
    learner,
    other,
    pastSession,
    reportable,
    future,
    payment: await paymentOf(learner, future),
    awaiting,
    courseware,
    creditEntry: recorded.recordCreditEntry.id,
    othersRegistration,
    othersPayment: await paymentOf(other, othersRegistration),
    sessionToUpdate: await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2021-data-hostile-upd',
      firstDay: '2021-07-08',
    }),
  };
}

/** Sends an operation through the gateway as `caller`, keeping the raw reply. */
async function send(query: string, variables: Record<string, unknown>, caller?: Caller | null): Promise<Reply<unknown>> {
  return post(graph.gatewayUrl, { query, variables }, await bearer(graph, caller ?? null));
}

/** Sends an operation that must be refused: typed, nothing internal shown, no data changed anywhere. */
async function refused(query: string, variables: Record<string, unknown>, caller?: Caller | null): Promise<Reply<unknown>> {
  const before = await graphSnapshot(graph);
  const reply = await send(query, variables, caller);
  expectTypedRefusal(reply);
  expect(await graphSnapshot(graph)).toEqual(before);
  return reply;
}

// ---------------------------------------------------------------------------------------------------
// Every text input of every mutation and query argument, with a valid rest around it

interface Slot {
  query: string;
  caller?: Caller;
  variables(value: string): Record<string, unknown>;
  /** Values legitimately accepted here: tested for verbatim storage below, not for refusal. */
  accepts?(value: string): boolean;
}

const signUpWith = (field: string, value: string) => ({
  input: {
    idNumber: randomIdNumber(),
    name: '赵小六',
    password: 'a long secret',
    mobile: '13811112222',
    employer: '上海测试有限公司',
    [field]: value,
  },
});
const invoiceWith = (overrides: Record<string, unknown>) => ({
  input: { paymentId: fx.payment, kind: 'ORGANISATION', title: '上海测试有限公司', creditCode: VALID_CREDIT_CODE, ...overrides },
});
const creditWith = (overrides: Record<string, unknown>) => ({
  input: {
    learnerId: fx.learner.id,
    courseTitle: '经认可的讲座类课程',
    institution: 'association',
    category: 'REQUIRED',
    hours: 2,
    completedOn: '2021-03-10',
    reason: '补录学时',
    ...overrides,
  },
});
const csvWith = (cells: { id?: string; attended?: string; passed?: string; header?: string }) =>
  `${cells.header ?? '报名编号'},全程参加,考试合格\r\n${fx.reportable},是,是\r\n${cells.id ?? fx.reportable},${cells.attended ?? '是'},${cells.passed ?? '是'}\r\n`;
const sessionInputWith = (overrides: Record<string, unknown>) => ({
  input: {
    courseId: 'sjtu:course:2021-data',
    title: '数据分析基础（八月班）',
    startsAt: '2021-08-12T09:00:00+08:00',
    endsAt: '2021-08-13T16:30:00+08:00',
    deliveryMode: 'LIVE_ONLINE',
    venue: '法华镇路 535 号主楼 511 室',
    capacity: 40,
    registrationOpensAt: '2021-03-22T10:00:00+08:00',
    restrictedToEmployer: null,
    ...overrides,
  },
});
const passwordLength = (value: string) => value.length >= 8 && value.length <= 128;

const TEXT_SLOTS = {
  'signUp name': { query: SIGN_UP, variables: (value) => signUpWith('name', value) },
  'signUp employer': { query: SIGN_UP, variables: (value) => signUpWith('employer', value) },
  'signUp mobile': { query: SIGN_UP, variables: (value) => signUpWith('mobile', value) },
  'signUp idNumber': { query: SIGN_UP, variables: (value) => signUpWith('idNumber', value) },
  // A password may hold any characters: values of an allowed length are accepted (see below).
  'signUp password': { query: SIGN_UP, variables: (value) => signUpWith('password', value), accepts: passwordLength },
  'signIn idNumber': { query: SIGN_IN, variables: (value) => ({ idNumber: value, password: 'a long secret' }) },
  'signIn password': { query: SIGN_IN, variables: (value) => ({ idNumber: fx.learner.idNumber, password: value }) },
  'staffSignIn username': { query: STAFF_SIGN_IN, variables: (value) => ({ username: value, password: 'a long secret' }) },
  'staffSignIn password': { query: STAFF_SIGN_IN, variables: (value) => ({ username: 'no-such-staff', password: value }) },
  'pay idempotencyKey': {
    query: PAY,
    get caller() {
      return fx.learner.caller;
    },
    variables: (value) => ({ registrationId: fx.awaiting, idempotencyKey: value }),
  },
  'requestInvoice organisation title': {
    query: REQUEST_INVOICE,
    get caller() {
      return fx.learner.caller;
    },
    variables: (value) => invoiceWith({ title: value }),
  },
  'requestInvoice personal title': {
    query: REQUEST_INVOICE,
    get caller() {
      return fx.learner.caller;
    },
    variables: (value) => invoiceWith({ kind: 'PERSONAL', title: value, creditCode: null }),
  },
  'requestInvoice creditCode': {
    query: REQUEST_INVOICE,
    get caller() {
      return fx.learner.caller;
    },
    variables: (value) => invoiceWith({ creditCode: value }),
  },
  'reportOutcomesCsv csv (whole file)': {
    query: REPORT_CSV,
    caller: SJTU_STAFF,
    variables: (value) => ({ session: fx.pastSession, csv: value }),
  },
  'reportOutcomesCsv csv (registration cell)': {
    query: REPORT_CSV,
    caller: SJTU_STAFF,
    variables: (value) => ({ session: fx.pastSession, csv: csvWith({ id: value }) }),
  },
  'reportOutcomesCsv csv (全程参加 cell)': {
    query: REPORT_CSV,
    caller: SJTU_STAFF,
    variables: (value) => ({ session: fx.pastSession, csv: csvWith({ attended: value }) }),
  },
  'reportOutcomesCsv csv (考试合格 cell)': {
    query: REPORT_CSV,
    caller: SJTU_STAFF,
    variables: (value) => ({ session: fx.pastSession, csv: csvWith({ passed: value }) }),
  },
  'reportOutcomesCsv csv (header cell)': {
    query: REPORT_CSV,
    caller: SJTU_STAFF,
    variables: (value) => ({ session: fx.pastSession, csv: csvWith({ header: value }) }),
  },
  'reverseCreditEntry reason': {
    query: REVERSE,
    caller: REGISTRAR,
    variables: (value) => ({ id: fx.creditEntry, reason: value }),
  },
  'recordCreditEntry courseTitle': { query: RECORD, caller: REGISTRAR, variables: (value) => creditWith({ courseTitle: value }) },
  'recordCreditEntry reason': { query: RECORD, caller: REGISTRAR, variables: (value) => creditWith({ reason: value }) },
  'recordCreditEntry institution': { query: RECORD, caller: REGISTRAR, variables: (value) => creditWith({ institution: value }) },
  'openSjtuSession title': { query: OPEN_SESSION, caller: SJTU_STAFF, variables: (value) => sessionInputWith({ title: value }) },
  'openSjtuSession venue': { query: OPEN_SESSION, caller: SJTU_STAFF, variables: (value) => sessionInputWith({ venue: value }) },
  'openSjtuSession restrictedToEmployer': {
    query: OPEN_SESSION,
    caller: SJTU_STAFF,
    variables: (value) => sessionInputWith({ restrictedToEmployer: value }),
  },
  'updateSjtuSession title': {
    query: UPDATE_SESSION,
    caller: SJTU_STAFF,
    variables: (value) => ({ id: fx.sessionToUpdate, input: { title: value } }),
  },
  'updateSjtuSession venue': {
    query: UPDATE_SESSION,
    caller: SJTU_STAFF,
    variables: (value) => ({ id: fx.sessionToUpdate, input: { venue: value } }),
  },
  'setSjtuContacts name': {
    query: SET_CONTACTS,
    caller: SJTU_STAFF,
    variables: (value) => ({ contacts: [{ name: value, phones: ['13641974129'] }] }),
  },
  'setSjtuContacts phone': {
    query: SET_CONTACTS,
    caller: SJTU_STAFF,
    variables: (value) => ({ contacts: [{ name: '高老师', phones: [value] }] }),
  },
} satisfies Record<string, Slot>;

/**
 * How each text slot refuses: the codes and (for BAD_USER_INPUT) the field it names, so a refusal for
 * another reason (a fixture gone stale, say) cannot pass for the validation under test.
 */
const BAD = (field: string) => ({ codes: ['BAD_USER_INPUT'], field });
const WRONG_CREDENTIALS = { codes: ['UNAUTHENTICATED', 'RATE_LIMITED'] };
const REFUSED_AS: Record<keyof typeof TEXT_SLOTS, { codes: string[]; field?: string }> = {
  'signUp name': BAD('name'),
  'signUp employer': BAD('employer'),
  'signUp mobile': BAD('mobile'),
  'signUp idNumber': BAD('idNumber'),
  'signUp password': BAD('password'),
  'signIn idNumber': WRONG_CREDENTIALS,
  'signIn password': WRONG_CREDENTIALS,
  'staffSignIn username': WRONG_CREDENTIALS,
  'staffSignIn password': WRONG_CREDENTIALS,
  'pay idempotencyKey': BAD('idempotencyKey'),
  'requestInvoice organisation title': BAD('title'),
  'requestInvoice personal title': BAD('title'),
  'requestInvoice creditCode': BAD('creditCode'),
  'reportOutcomesCsv csv (whole file)': BAD('csv'),
  'reportOutcomesCsv csv (registration cell)': { codes: ['NOT_FOUND'] },
  'reportOutcomesCsv csv (全程参加 cell)': BAD('csv'),
  'reportOutcomesCsv csv (考试合格 cell)': BAD('csv'),
  'reportOutcomesCsv csv (header cell)': BAD('csv'),
  'reverseCreditEntry reason': BAD('reason'),
  'recordCreditEntry courseTitle': BAD('courseTitle'),
  'recordCreditEntry reason': BAD('reason'),
  'recordCreditEntry institution': BAD('institution'),
  'openSjtuSession title': BAD('title'),
  'openSjtuSession venue': BAD('venue'),
  'openSjtuSession restrictedToEmployer': BAD('restrictedToEmployer'),
  'updateSjtuSession title': BAD('title'),
  'updateSjtuSession venue': BAD('venue'),
  'setSjtuContacts name': BAD('name'),
  'setSjtuContacts phone': BAD('contacts'),
};

const ID_SLOTS: Record<string, Slot> = {
  'register sessionId': {
    query: REGISTER,
    get caller() {
      return fx.learner.caller;
    },
    variables: (value) => ({ sessionId: value }),
  },
  'pay registrationId': {
    query: PAY,
    get caller() {
      return fx.learner.caller;
    },
    variables: (value) => ({ registrationId: value, idempotencyKey: 'hostile-key-0001' }),
  },
  'withdraw registrationId': {
    query: WITHDRAW,
    get caller() {
      return fx.learner.caller;
    },
    variables: (value) => ({ registrationId: value }),
  },
  'requestInvoice paymentId': {
    query: REQUEST_INVOICE,
    get caller() {
      return fx.learner.caller;
    },
    variables: (value) => invoiceWith({ paymentId: value }),
  },
  'reportOutcome registrationId': {
    query: REPORT_OUTCOME,
    caller: SJTU_STAFF,
    variables: (value) => ({ registrationId: value, attendedFully: true, examPassed: true }),
  },
  'reportOutcomes sessionId': {
    query: REPORT_OUTCOMES,
    caller: SJTU_STAFF,
    variables: (value) => ({
      session: value,
      outcomes: [{ registrationId: fx.reportable, attendedFully: true, examPassed: true }],
    }),
  },
  'reportOutcomes registrationId (after a valid row)': {
    query: REPORT_OUTCOMES,
    caller: SJTU_STAFF,
    variables: (value) => ({
      session: fx.pastSession,
      outcomes: [
        { registrationId: fx.reportable, attendedFully: true, examPassed: true },
        { registrationId: value, attendedFully: true, examPassed: true },
      ],
    }),
  },
  'reportOutcomesCsv sessionId': {
    query: REPORT_CSV,
    caller: SJTU_STAFF,
    variables: (value) => ({ session: value, csv: csvWith({}) }),
  },
  'reportCoursewareCompletion registrationId': {
    query: COURSEWARE_DONE,
    caller: PROVIDER_STAFF,
    variables: (value) => ({ id: value, at: '2021-03-20T10:00:00+08:00' }),
  },
  'reverseCreditEntry entryId': { query: REVERSE, caller: REGISTRAR, variables: (value) => ({ id: value, reason: '更正' }) },
  'recordCreditEntry learnerId': { query: RECORD, caller: REGISTRAR, variables: (value) => creditWith({ learnerId: value }) },
  'roster sessionId': { query: ROSTER, caller: SJTU_STAFF, variables: (value) => ({ session: value }) },
  'rosterCsv sessionId': { query: ROSTER_CSV, caller: SJTU_STAFF, variables: (value) => ({ session: value }) },
  'openSjtuSession courseId': {
    query: OPEN_SESSION,
    caller: SJTU_STAFF,
    variables: (value) => sessionInputWith({ courseId: value }),
  },
  'updateSjtuSession id': {
    query: UPDATE_SESSION,
    caller: SJTU_STAFF,
    variables: (value) => ({ id: value, input: { title: '数据分析基础（改期）' } }),
  },
};

/** Lookups that answer null for a key they do not know: their contract, and harmless for any input. */
const NULLABLE_LOOKUPS: Record<string, Slot & { field: string }> = {
  'institution code': {
    query: 'query ($key: ID!) { institution(code: $key) { code } }',
    field: 'institution',
    variables: (key) => ({ key }),
  },
  'course id': { query: 'query ($key: ID!) { course(id: $key) { id } }', field: 'course', variables: (key) => ({ key }) },
  'session id': { query: 'query ($key: ID!) { session(id: $key) { id } }', field: 'session', variables: (key) => ({ key }) },
  'learner id (the registrar)': {
    query: 'query ($key: ID!) { learner(id: $key) { id } }',
    field: 'learner',
    caller: REGISTRAR,
    variables: (key) => ({ key }),
  },
  'verifyTranscript code (anyone)': {
    query: 'query ($key: String!) { verifyTranscript(code: $key) { verificationCode } }',
    field: 'verifyTranscript',
    variables: (key) => ({ key }),
  },
};

/** One case per slot and value, but for the values a slot legitimately accepts. */
const cases = <Name extends string>(slots: Record<Name, Slot>, values: Record<string, string>) =>
  (Object.entries(slots) as [Name, Slot][]).flatMap(([slot, spec]) =>
    Object.entries(values)
      .filter(([, value]) => !spec.accepts?.(value))
      .map(([name, value]) => ({ slot, name, value, spec })),
  );

// ---------------------------------------------------------------------------------------------------
// Look-alike identifiers

const fullWidth = (value: string) =>
  value.replace(/[0-9X]/g, (char) => (char === 'X' ? 'Ｘ' : String.fromCharCode(0xff10 + Number(char))));
const arabicIndic = (value: string) => value.replace(/[0-9]/g, (char) => String.fromCharCode(0x0660 + Number(char)));
const withCheck = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;

function invalidIdNumbers(): Record<string, string> {
  const valid = randomIdNumber('19900101');
  const first17 = valid.slice(0, 17);
  const wrongCheck = '10X98765432'.split('').find((char) => char !== valid[17]) ?? '0';
  return {
    'a wrong check character': `${first17}${wrongCheck}`,
    'a birth date in the future': withCheck('31010420300101123'),
    'a birth date that does not exist': withCheck('31010419900230123'),
    'a birth date before 1900': withCheck('31010418991231123'),
    'an unknown province': withCheck('99010419900101123'),
    '17 digits': first17,
    '19 digits': `${valid}1`,
    'full-width digits': fullWidth(valid),
    'Arabic-Indic digits': arabicIndic(valid),
    'the letter O for zero': valid.replace(/0/g, 'O'),
    'spaces inside': `${valid.slice(0, 6)} ${valid.slice(6, 14)} ${valid.slice(14)}`,
    'a NUL after it': `${valid}\u0000`,
    'a NUL for the check character': `${first17}\u0000`,
    'an RTL override before it': `\u202E${valid}`,
    empty: '',
  };
}

const INVALID_CREDIT_CODES: Record<string, string> = {
  'a wrong check character': '91310000132149237H',
  '17 characters': VALID_CREDIT_CODE.slice(0, 17),
  '19 characters': `${VALID_CREDIT_CODE}0`,
  'a letter the standard leaves out (I)': '9131000013214923IG',
  'a letter the standard leaves out (O)': '91310000132149O37G',
  'full-width characters': fullWidth(VALID_CREDIT_CODE).replace('G', 'Ｇ'),
  'spaces inside': '913100 001321 49237G',
  'SQL after a valid code': `${VALID_CREDIT_CODE}' OR '1'='1`,
  'a NUL after a valid code': `${VALID_CREDIT_CODE}\u0000`,
};

const INVALID_MOBILES: Record<string, string> = {
  '10 digits': '1391234567',
  '12 digits': '139123456789',
  'starting 12': '12912345678',
  'starting 10': '10012345678',
  'full-width digits': fullWidth('13912345678'),
  'a country code': '+8613912345678',
  hyphens: '139-1234-5678',
  'spaces inside': '139 1234 5678',
  'a NUL after it': '13912345678\u0000',
  'a left-to-right override before it': '\u202D13912345678',
  'a landline': '31263858',
};

describe('hostile input', () => {
  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo' });
    fx = await createFixtures();
  });
  afterAll(() => graph?.close());

  describe('malformed requests, at the gateway and at the subgraphs', () => {
    const BODIES: Record<string, string> = {
      'truncated JSON': '{"query": ',
      'not JSON at all': 'query { institutions { code } }',
      'a JSON string': '"{ institutions { code } }"',
      'a JSON number': '42',
      'JSON null': 'null',
      'an empty object': '{}',
      'a query that is not a string': '{"query": 5}',
      'variables that are not an object': '{"query": "{ institutions { code } }", "variables": "{}"}',
      'extensions that are not an object': '{"query": "{ institutions { code } }", "extensions": "x"}',
      'a syntax error': '{"query": "{ institutions { code "}',
      'an empty batch': '[]',
      'a body over 1 MB': JSON.stringify({ query: '{ institutions { code } }', variables: { padding: 'x'.repeat(1_100_000) } }),
    };
    for (const target of ['gateway', 'registry', 'sjtu'] as const) {
      const url = () => (target === 'gateway' ? graph.gatewayUrl : subgraphUrl(graph, target));
      it.each(Object.entries(BODIES))(`${target}: refuses %s with a 4xx and a typed error`, async (_name, body) => {
        const before = await graphSnapshot(graph);
        const reply = await post(url(), body);
        expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
        expect(reply.status, reply.text).toBeLessThan(500);
        expectTypedRefusal(reply);
        expect(await graphSnapshot(graph)).toEqual(before);
      });
      it(`${target}: refuses a simple (CSRF-able) content type`, async () => {
        const response = await fetch(url(), {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ query: 'mutation { issueTranscript { id } }' }),
        });
        expect(response.status).toBe(400);
        expect((await response.json()) as unknown).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
      });
    }
    it('registry: refuses an operation name the document does not have', async () => {
      const reply = await post(subgraphUrl(graph, 'registry'), { query: '{ institutions { code } }', operationName: 'Nope' });
      expect(reply.status).toBe(400);
      expectTypedRefusal(reply, new Set(['OPERATION_RESOLUTION_FAILURE']));
    });
    it('gateway: refuses an operation name the document does not have', async () => {
      const reply = await post(graph.gatewayUrl, { query: '{ institutions { code } }', operationName: 'Nope' });
      expect(reply.status).toBe(400);
      expectTypedRefusal(reply, new Set(['OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED']));
    });
  });

  describe('wrong variable types, missing variables and unknown fields', () => {
    const TYPE_ERRORS: [string, string, () => Record<string, unknown>, () => Caller | undefined][] = [
      ['an object for an ID', REGISTER, () => ({ sessionId: { id: 'sjtu:session:2021-data-0311' } }), () => fx.learner.caller],
      ['a list for an ID', REGISTER, () => ({ sessionId: ['a', 'b'] }), () => fx.learner.caller],
      ['a boolean for an ID', REGISTER, () => ({ sessionId: true }), () => fx.learner.caller],
      ['null for a required ID', REGISTER, () => ({ sessionId: null }), () => fx.learner.caller],
      ['no variables at all', REGISTER, () => ({}), () => fx.learner.caller],
      ['a string for an Int', STATISTICS, () => ({ year: '2021' }), () => REGISTRAR],
      ['a fraction for an Int', STATISTICS, () => ({ year: 2021.5 }), () => REGISTRAR],
      ['an Int beyond 32 bits', STATISTICS, () => ({ year: 2 ** 31 }), () => REGISTRAR],
      ['a year out of range', STATISTICS, () => ({ year: -2021 }), () => REGISTRAR],
      [
        'a string for a Boolean',
        REPORT_OUTCOME,
        () => ({ registrationId: fx.reportable, attendedFully: 'true', examPassed: true }),
        () => SJTU_STAFF,
      ],
      [
        'a number for a Boolean',
        REPORT_OUTCOME,
        () => ({ registrationId: fx.reportable, attendedFully: 1, examPassed: 1 }),
        () => SJTU_STAFF,
      ],
      ['an unknown enum value', REQUEST_INVOICE, () => invoiceWith({ kind: 'ADMIN' }), () => fx.learner.caller],
      ['an enum value in lower case', REQUEST_INVOICE, () => invoiceWith({ kind: 'organisation' }), () => fx.learner.caller],
      ['an array for an input object', REQUEST_INVOICE, () => ({ input: [invoiceWith({}).input] }), () => fx.learner.caller],
      ['a string for a Float', RECORD, () => creditWith({ hours: '2' }), () => REGISTRAR],
      ['"NaN" for a Float', RECORD, () => creditWith({ hours: 'NaN' }), () => REGISTRAR],
      ['hours beyond any course', RECORD, () => creditWith({ hours: 1e308 }), () => REGISTRAR],
      ['negative hours', RECORD, () => creditWith({ hours: -12 }), () => REGISTRAR],
      ['a Date that does not exist', RECORD, () => creditWith({ completedOn: '2021-02-30' }), () => REGISTRAR],
      ['a Date in another format', RECORD, () => creditWith({ completedOn: '2021/03/01' }), () => REGISTRAR],
      ['a Date in the future', RECORD, () => creditWith({ completedOn: '2099-01-01' }), () => REGISTRAR],
      ['an unknown category', RECORD, () => creditWith({ category: 'BOTH' }), () => REGISTRAR],
      [
        'a DateTime on 29 February of a common year',
        COURSEWARE_DONE,
        () => ({ id: fx.courseware, at: '2021-02-29T10:00:00+08:00' }),
        () => PROVIDER_STAFF,
      ],
      [
        'a DateTime without an offset',
        COURSEWARE_DONE,
        () => ({ id: fx.courseware, at: '2021-03-20T10:00:00' }),
        () => PROVIDER_STAFF,
      ],
      [
        'a DateTime with month 13',
        COURSEWARE_DONE,
        () => ({ id: fx.courseware, at: '2021-13-01T10:00:00+08:00' }),
        () => PROVIDER_STAFF,
      ],
      [
        'a DateTime with hour 25',
        COURSEWARE_DONE,
        () => ({ id: fx.courseware, at: '2021-03-20T25:00:00+08:00' }),
        () => PROVIDER_STAFF,
      ],
      [
        'a DateTime in the future',
        COURSEWARE_DONE,
        () => ({ id: fx.courseware, at: '2099-01-01T10:00:00+08:00' }),
        () => PROVIDER_STAFF,
      ],
      ['a number for a DateTime', COURSEWARE_DONE, () => ({ id: fx.courseware, at: 1_616_000_000_000 }), () => PROVIDER_STAFF],
      [
        'a required input field left out',
        SIGN_UP,
        () => ({ input: { ...signUpWith('name', '赵小六').input, password: undefined } }),
        () => undefined,
      ],
      [
        'an input field the type does not have',
        SIGN_UP,
        () => ({ input: { ...signUpWith('name', '赵小六').input, role: 'REGISTRAR' } }),
        () => undefined,
      ],
      ['a string where a list belongs', REPORT_OUTCOMES, () => ({ session: fx.pastSession, outcomes: 'all' }), () => SJTU_STAFF],
      ['an empty list of outcomes', REPORT_OUTCOMES, () => ({ session: fx.pastSession, outcomes: [] }), () => SJTU_STAFF],
      [
        'the same registration twice',
        REPORT_OUTCOMES,
        () => ({
          session: fx.pastSession,
          outcomes: [1, 2].map(() => ({ registrationId: fx.reportable, attendedFully: true, examPassed: true })),
        }),
        () => SJTU_STAFF,
      ],
      [
        'a session starting in month 13',
        OPEN_SESSION,
        () => sessionInputWith({ startsAt: '2021-13-12T09:00:00+08:00' }),
        () => SJTU_STAFF,
      ],
      [
        'a session ending before it starts',
        OPEN_SESSION,
        () => sessionInputWith({ endsAt: '2021-08-01T09:00:00+08:00' }),
        () => SJTU_STAFF,
      ],
      ['a fractional capacity', OPEN_SESSION, () => sessionInputWith({ capacity: 2.5 }), () => SJTU_STAFF],
      ['a negative capacity', OPEN_SESSION, () => sessionInputWith({ capacity: -1 }), () => SJTU_STAFF],
      ['a capacity beyond 32 bits', OPEN_SESSION, () => sessionInputWith({ capacity: 2 ** 31 }), () => SJTU_STAFF],
      ['an unknown delivery mode', OPEN_SESSION, () => sessionInputWith({ deliveryMode: 'TELEPATHY' }), () => SJTU_STAFF],
      [
        'a change to hour 25',
        UPDATE_SESSION,
        () => ({ id: fx.sessionToUpdate, input: { endsAt: '2021-07-09T25:00:00+08:00' } }),
        () => SJTU_STAFF,
      ],
      [
        '51 contacts',
        SET_CONTACTS,
        () => ({ contacts: Array.from({ length: 51 }, () => ({ name: '高老师', phones: ['13641974129'] })) }),
        () => SJTU_STAFF,
      ],
      ['a contact without phones', SET_CONTACTS, () => ({ contacts: [{ name: '高老师', phones: [] }] }), () => SJTU_STAFF],
      ['a cycle year beyond 32 bits', '{ me { cycle(startYear: 2147483648) { endYear } } }', () => ({}), () => fx.learner.caller],
      [
        'a cycle year at the edge of 32 bits',
        '{ me { cycle(startYear: 2147483647) { endYear } } }',
        () => ({}),
        () => fx.learner.caller,
      ],
      [
        'a transcript for cycle year 2147483647',
        'mutation { issueTranscript(cycleStartYear: 2147483647) { id } }',
        () => ({}),
        () => fx.learner.caller,
      ],
      [
        'a transcript for cycle year -1',
        'mutation { issueTranscript(cycleStartYear: -1) { id } }',
        () => ({}),
        () => fx.learner.caller,
      ],
      [
        'a variable declared with the wrong type',
        'mutation ($id: Int!) { register(sessionId: $id) { id } }',
        () => ({ id: 1 }),
        () => fx.learner.caller,
      ],
      ['an undeclared variable', 'mutation { register(sessionId: $id) { id } }', () => ({ id: 'x' }), () => fx.learner.caller],
      ['a field the type does not have', '{ me { passwordHash } }', () => ({}), () => fx.learner.caller],
      ['the password of a learner', '{ learner(id: "x") { password } }', () => ({}), () => REGISTRAR],
    ];
    it.each(TYPE_ERRORS)('refuses %s', async (_name, query, variables, caller) => {
      await refused(query, variables(), caller());
    });
  });

  describe('markup, SQL and control characters in every text input', () => {
    it.each(cases(TEXT_SLOTS, HOSTILE_TEXT))('$slot: refuses $name', async ({ slot, spec, value }) => {
      const reply = await refused(spec.query, spec.variables(value), spec.caller);
      const expected = REFUSED_AS[slot];
      expect(expected, slot).toBeDefined();
      for (const error of reply.body.errors ?? []) {
        expect(expected?.codes, reply.text.slice(0, 300)).toContain(error.extensions?.['code']);
        // The CSV's refusals name the row: csv.row3 is the csv field's third row.
        if (expected?.field) expect(String(error.extensions?.['field'])).toMatch(new RegExp(`^${expected.field}(\\.|$)`));
      }
    });
  });

  describe('markup, SQL, garbage and foreign shapes in every id', () => {
    it.each(cases(ID_SLOTS, HOSTILE_IDS))('$slot: refuses $name', async ({ spec, value }) => {
      const reply = await refused(spec.query, spec.variables(value), spec.caller);
      expect(
        errorCodes(reply).every((code) => code === 'NOT_FOUND' || code === 'BAD_USER_INPUT'),
        JSON.stringify(errorCodes(reply)),
      ).toBe(true);
    });
  });

  describe('invalid and look-alike ID numbers, credit codes and mobiles', () => {
    it.each(Object.entries(invalidIdNumbers()))('refuses to sign up with an ID number with %s', async (_name, idNumber) => {
      const reply = await refused(SIGN_UP, signUpWith('idNumber', idNumber));
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
    });
    it.each(Object.entries(invalidIdNumbers()))('refuses to sign in with an ID number with %s', async (_name, idNumber) => {
      const reply = await refused(SIGN_IN, { idNumber, password: 'a long secret' });
      expect(errorCodes(reply)).toEqual([expect.stringMatching(/^(UNAUTHENTICATED|RATE_LIMITED)$/)]);
    });
    it.each(Object.entries(INVALID_CREDIT_CODES))('refuses an invoice with a credit code with %s', async (_name, creditCode) => {
      const reply = await refused(REQUEST_INVOICE, invoiceWith({ creditCode }), fx.learner.caller);
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    });
    it('refuses a credit code on a personal invoice', async () => {
      const reply = await refused(REQUEST_INVOICE, invoiceWith({ kind: 'PERSONAL', title: null }), fx.learner.caller);
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    });
    it.each(Object.entries(INVALID_MOBILES))('refuses to sign up with a mobile with %s', async (_name, mobile) => {
      const reply = await refused(SIGN_UP, signUpWith('mobile', mobile));
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mobile' });
    });
  });

  describe('unknown and foreign ids', () => {
    const FOREIGN: [string, string, () => Record<string, unknown>, () => Caller, string][] = [
      ["sjtu staff: shu's roster", ROSTER, () => ({ session: SHU_SESSION }), () => SJTU_STAFF, 'FORBIDDEN'],
      ["sjtu staff: shu's roster as CSV", ROSTER_CSV, () => ({ session: SHU_SESSION }), () => SJTU_STAFF, 'FORBIDDEN'],
      [
        "sjtu staff: outcomes for shu's session",
        REPORT_OUTCOMES,
        () => ({ session: SHU_SESSION, outcomes: [{ registrationId: fx.reportable, attendedFully: true, examPassed: true }] }),
        () => SJTU_STAFF,
        'FORBIDDEN',
      ],
      [
        "sjtu staff: an outcome CSV for shu's session",
        REPORT_CSV,
        () => ({ session: SHU_SESSION, csv: csvWith({}) }),
        () => SJTU_STAFF,
        'FORBIDDEN',
      ],
      [
        "sjtu staff: the outcome of the elective provider's registration",
        REPORT_OUTCOME,
        () => ({ registrationId: fx.courseware, attendedFully: true, examPassed: true }),
        () => SJTU_STAFF,
        'FORBIDDEN',
      ],
      [
        'sjtu staff: a courseware completion',
        COURSEWARE_DONE,
        () => ({ id: fx.courseware, at: '2021-03-20T10:00:00+08:00' }),
        () => SJTU_STAFF,
        'FORBIDDEN',
      ],
      [
        "the elective provider's staff: the outcome of sjtu's registration",
        REPORT_OUTCOME,
        () => ({ registrationId: fx.reportable, attendedFully: true, examPassed: true }),
        () => PROVIDER_STAFF,
        'FORBIDDEN',
      ],
      [
        "sjtu staff: changing shu's session",
        UPDATE_SESSION,
        () => ({ id: SHU_SESSION, input: { title: '改名' } }),
        () => SJTU_STAFF,
        'NOT_FOUND',
      ],
      [
        "sjtu staff: opening a session of shu's course",
        OPEN_SESSION,
        () => sessionInputWith({ courseId: 'shu:course:2021-ai' }),
        () => SJTU_STAFF,
        'NOT_FOUND',
      ],
      [
        'sjtu staff: a session sjtu does not have',
        ROSTER,
        () => ({ session: 'sjtu:session:2021-nope' }),
        () => SJTU_STAFF,
        'NOT_FOUND',
      ],
      [
        'sjtu staff: the roster of a course id',
        ROSTER,
        () => ({ session: 'sjtu:course:2021-data' }),
        () => SJTU_STAFF,
        'NOT_FOUND',
      ],
      [
        'sjtu staff: outcomes of a registration of another session',
        REPORT_OUTCOMES,
        () => ({ session: fx.pastSession, outcomes: [{ registrationId: fx.future, attendedFully: true, examPassed: true }] }),
        () => SJTU_STAFF,
        'NOT_FOUND',
      ],
      [
        "a learner: paying for another learner's registration",
        PAY,
        () => ({ registrationId: fx.othersRegistration, idempotencyKey: 'foreign-key-0001' }),
        () => fx.learner.caller,
        'NOT_FOUND',
      ],
      [
        "a learner: withdrawing another learner's registration",
        WITHDRAW,
        () => ({ registrationId: fx.othersRegistration }),
        () => fx.learner.caller,
        'NOT_FOUND',
      ],
      [
        "a learner: an invoice for another learner's payment",
        REQUEST_INVOICE,
        () => invoiceWith({ paymentId: fx.othersPayment }),
        () => fx.learner.caller,
        'NOT_FOUND',
      ],
      [
        "a learner: another learner's record",
        'query ($id: ID!) { learner(id: $id) { id } }',
        () => ({ id: fx.other.id }),
        () => fx.learner.caller,
        'FORBIDDEN',
      ],
      [
        'a learner: paying with a session id',
        PAY,
        () => ({ registrationId: fx.pastSession, idempotencyKey: 'foreign-key-0002' }),
        () => fx.learner.caller,
        'NOT_FOUND',
      ],
      [
        'a learner: registering for a session nobody has',
        REGISTER,
        () => ({ sessionId: 'sjtu:session:2021-nope' }),
        () => fx.learner.caller,
        'NOT_FOUND',
      ],
      [
        'a learner: registering with a course id',
        REGISTER,
        () => ({ sessionId: 'sjtu:course:2021-data' }),
        () => fx.learner.caller,
        'NOT_FOUND',
      ],
      [
        'a learner: registering with a registration id',
        REGISTER,
        () => ({ sessionId: fx.future }),
        () => fx.learner.caller,
        'NOT_FOUND',
      ],
      [
        'the registrar: credit for a learner nobody is',
        RECORD,
        () => creditWith({ learnerId: 'ffffffff-ffff-4fff-bfff-ffffffffffff' }),
        () => REGISTRAR,
        'NOT_FOUND',
      ],
      [
        "the registrar: credit for a staff member's username",
        RECORD,
        () => creditWith({ learnerId: 'registrar' }),
        () => REGISTRAR,
        'NOT_FOUND',
      ],
      [
        'the registrar: reversing a registration id',
        REVERSE,
        () => ({ id: fx.reportable, reason: '更正' }),
        () => REGISTRAR,
        'NOT_FOUND',
      ],
    ];
    it.each(FOREIGN)('%s', async (_name, query, variables, caller, code) => {
      const reply = await refused(query, variables(), caller());
      expect(errorCodes(reply)).toEqual([code]);
    });

    it('refuses before reading the database or the file what the caller may not do', async () => {
      const registry = graph.subgraph('registry').database;
      const hugeCsv = `报名编号,全程参加,考试合格\r\n${`${fx.reportable},是,是\r\n`.repeat(15_000)}`;
      const attempts: [string, Record<string, unknown>, Caller | undefined][] = [
        [REPORT_CSV, { session: SHU_SESSION, csv: hugeCsv }, SJTU_STAFF],
        [ROSTER, { session: SHU_SESSION }, SJTU_STAFF],
        [
          REPORT_OUTCOMES,
          { session: SHU_SESSION, outcomes: [{ registrationId: fx.reportable, attendedFully: true, examPassed: true }] },
          SJTU_STAFF,
        ],
        [SIGN_UP, signUpWith('idNumber', '31010419900101123X0'), undefined],
        [SIGN_IN, { idNumber: '\u0000'.repeat(18), password: 'a long secret' }, undefined],
        [STAFF_SIGN_IN, { username: 'registrar\u0000', password: 'a long secret' }, undefined],
        [PAY, { registrationId: fx.awaiting, idempotencyKey: "'; DROP TABLE payments; --" }, fx.learner.caller],
        [REQUEST_INVOICE, invoiceWith({ paymentId: "' OR '1'='1" }), fx.learner.caller],
        [RECORD, creditWith({ learnerId: "' OR '1'='1" }), REGISTRAR],
        [REVERSE, { id: fx.creditEntry, reason: '<script>alert(1)</script>' }, REGISTRAR],
      ];
      for (const [query, variables, caller] of attempts) {
        graph.resetCounters();
        const reply = await send(query, variables, caller);
        expectTypedRefusal(reply);
        expect(registry.statements.count, `${query} ${JSON.stringify(errorCodes(reply))}`).toBe(0);
      }
    });

    it('refuses a roster CSV over the largest session', async () => {
      const rows = Array.from(
        { length: 10_001 },
        (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')},是,是`,
      );
      const reply = await refused(
        REPORT_CSV,
        { session: fx.pastSession, csv: `报名编号,全程参加,考试合格\n${rows.join('\n')}` },
        SJTU_STAFF,
      );
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    });
  });

  describe('hostile-looking values that are legitimately accepted, kept verbatim and harmless', () => {
    // A password may contain any characters: it is only ever hashed (scrypt), never shown, parsed or
    // put into SQL. Each of these signs up, is stored as a hash alone, and signs in exactly as typed.
    const PASSWORDS = Object.entries({
      ...Object.fromEntries(Object.entries(HOSTILE_TEXT).filter(([, value]) => passwordLength(value))),
      'a NUL inside': 'pass\u0000word-123',
      'the longest allowed': `${"'; DROP TABLE learners; --".repeat(4)}${'x'.repeat(24)}`,
    });
    it.each(PASSWORDS)('a password with %s', async (_name, password) => {
      const idNumber = randomIdNumber();
      const signedUp = await send(SIGN_UP, { input: { ...signUpWith('password', password).input, idNumber } });
      expect(signedUp.body.errors, signedUp.text).toBeUndefined();
      expect(signedUp.text).not.toContain(JSON.stringify(password).slice(1, -1));
      const [row] = await graph.subgraph('registry').database.db.select().from(learners).where(eq(learners.idNumber, idNumber));
      expect(row?.passwordHash).toMatch(/^scrypt\$/);
      expect(row?.passwordHash).not.toContain(password);

      const signedIn = await send(SIGN_IN, { idNumber, password });
      expect(signedIn.body.errors, signedIn.text).toBeUndefined();
      const altered = await send(SIGN_IN, { idNumber, password: `${password} ` });
      expect(errorCodes(altered)).toEqual(['UNAUTHENTICATED']);
      await send(SIGN_IN, { idNumber, password }); // the right one still works, and resets the failure count
    });

    it.each(Object.entries(NULLABLE_LOOKUPS))('answers null, unchanged, to a hostile %s', async (_name, spec) => {
      for (const value of Object.values(HOSTILE_IDS)) {
        const before = await graphSnapshot(graph);
        const reply = await send(spec.query, spec.variables(value), spec.caller);
        expect(reply.body.errors, reply.text.slice(0, 300)).toBeUndefined();
        expect((reply.body.data as Record<string, unknown>)[spec.field]).toBeNull();
        expect(reply.text.length).toBeLessThan(1_000);
        expect(await graphSnapshot(graph)).toEqual(before);
      }
    });

    it("keeps an employer that starts like a spreadsheet formula verbatim, and defuses it in the roster's CSV", async () => {
      // "@", "+" and "-" are fair in a company's name; a spreadsheet would read such a cell as a formula,
      // so the CSV prefixes it with an apostrophe. The record itself keeps the name exactly as entered.
      const employers = ['@SUM(1+1)咨询有限公司', '+86 上海测试有限公司', '-1+2 科技有限公司'];
      const session = await insertFreshSjtuSession(graph);
      graph.clock.set('2021-03-22T09:00:00+08:00');
      for (const employer of employers) {
        const learner = await signUpLearner(graph, { employer });
        await registerAndPay(graph, learner, session);
        const me = await execute<{ me: { employer: string } }>('{ me { employer } }', {}, learner.caller);
        expect(me.me.employer).toBe(employer);
      }
      graph.clock.set(HOSTILE_TIME);
      const csv = (await execute<{ rosterCsv: string }>(ROSTER_CSV, { session }, SJTU_STAFF)).rosterCsv;
      for (const employer of employers) expect(csv).toContain(`,'${employer},`);
    });

    it('accepts a real instant in every ISO 8601 form the DateTime scalar documents', async () => {
      const opened = await execute<{ openSjtuSession: { startsAt: string; endsAt: string; registrationOpensAt: string } }>(
        'mutation ($input: OpenSessionInput!) { openSjtuSession(input: $input) { startsAt endsAt registrationOpensAt } }',
        sessionInputWith({
          startsAt: '2021-08-19T01:00Z',
          endsAt: '2021-08-20T16:30+08:00',
          registrationOpensAt: '2021-03-22T02:00:00.000Z',
        }),
        SJTU_STAFF,
      );
      expect(opened.openSjtuSession).toEqual({
        startsAt: '2021-08-19T09:00:00+08:00',
        endsAt: '2021-08-20T16:30:00+08:00',
        registrationOpensAt: '2021-03-22T10:00:00+08:00',
      });
    });

    it('keeps an apostrophe, an ampersand and a middle dot in names verbatim', async () => {
      const learner = await signUpLearner(graph, { name: '阿卜杜·热合曼', employer: "上海奥'莱利 & 合伙人咨询有限公司" });
      const me = await execute<{ me: { name: string; employer: string } }>('{ me { name employer } }', {}, learner.caller);
      expect(me.me).toEqual({ name: '阿卜杜·热合曼', employer: "上海奥'莱利 & 合伙人咨询有限公司" });
    });
  });

  describe('hostile paths to the document routes', () => {
    const PATHS = [
      "/documents/invoices/' OR '1'='1.pdf",
      '/documents/invoices/00000000-0000-0000-0000-000000000000.pdf',
      '/documents/invoices/..%2F..%2F..%2Fetc%2Fpasswd.pdf',
      '/documents/transcripts/%3Cscript%3Ealert(1)%3C%2Fscript%3E.pdf',
      '/documents/transcripts/00000000-0000-0000-0000-000000000000.exe',
      `/documents/transcripts/${'a'.repeat(10_000)}.csv`,
    ];
    it.each(PATHS)('refuses %s with a typed JSON error', async (path) => {
      const response = await fetch(`${new URL(graph.gatewayUrl).origin}${path}`);
      expect([401, 404]).toContain(response.status);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(['NOT_FOUND', 'UNAUTHENTICATED']).toContain(body.errors[0]?.extensions.code);
      expect(JSON.stringify(body)).not.toMatch(/<script>|passwd|\bat\s|\.ts:\d/);
    });
    it('reaches no other route of the registry, nor another service, through crafted request targets', async () => {
      const gatewayPort = Number(new URL(graph.gatewayUrl).port);
      const registryPort = graph.subgraph('registry').port;
      const sjtuPort = graph.subgraph('sjtu').port;
      const targets = [
        `http://127.0.0.1:${sjtuPort}/documents/../ready`,
        `http://127.0.0.1:${registryPort}/documents/%2e%2e/ready`,
        '/documents/../ready',
        '/documents/%2e%2e/ready',
        '/documents/verify/..%2f..%2fready',
        '/documents/verify/%252e%252e%252fready',
      ];
      for (const target of targets) {
        const response = await rawGet(gatewayPort, target, await bearer(graph, REGISTRAR));
        expect(response.status, target).toBe(404);
        expect(response.body, target).not.toMatch(/"service":"(registry|sjtu)"|ready/);
      }
      // Straight at the registry, the same targets find no route either.
      for (const target of targets.slice(2)) {
        const response = await rawGet(registryPort, target);
        expect(response.status, target).toBe(404);
        expect(response.body, target).not.toMatch(/"service":"registry"/);
      }
    });
    // The gateway passes on only a code without slashes, so a slash-free payload shows the page's escaping.
    const VERIFY = `/documents/verify/${encodeURIComponent('<img src=x onerror=alert(1)>')}`;
    it.each(['gateway', 'registry'] as const)(
      'shows a hostile verification code escaped, on a page that runs no script (%s)',
      async (target) => {
        const origin =
          target === 'gateway' ? new URL(graph.gatewayUrl).origin : `http://127.0.0.1:${graph.subgraph('registry').port}`;
        const response = await fetch(`${origin}${VERIFY}`);
        expect(response.status).toBe(404);
        const page = await response.text();
        expect(page).not.toContain('<img');
        expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
      },
    );
    it('serves the verification page with a policy that forbids scripts, at the registry', async () => {
      const response = await fetch(`http://127.0.0.1:${graph.subgraph('registry').port}${VERIFY}`);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    });
    it('serves the verification page with a policy that forbids scripts, through the gateway', async () => {
      const response = await fetch(`${new URL(graph.gatewayUrl).origin}${VERIFY}`);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    });
  });

  describe('_entities representations sent straight to a subgraph', () => {
    const REPRESENTATIONS: Record<string, unknown> = {
      'an unknown type': { __typename: 'Nope', id: 'x' },
      'no type name': { id: 'x' },
      'a type name that is not a string': { __typename: 5, id: 'x' },
      'no key': { __typename: 'SjtuSession' },
      'a key that is not a string': { __typename: 'SjtuSession', id: 5 },
      'a key that is an object': { __typename: 'SjtuSession', id: { $ne: null } },
      'a NUL key': { __typename: 'SjtuSession', id: '\u0000' },
      'a 100 000-character key': { __typename: 'SjtuSession', id: 'x'.repeat(100_000) },
      'a bare string': 'SjtuSession',
      'the Query type': { __typename: 'Query', id: 'x' },
      'the Mutation type': { __typename: 'Mutation', id: 'x' },
      'an interface the subgraph does not resolve': { __typename: 'Session', id: 'sjtu:session:2021-data-0311' },
    };
    for (const target of ['registry', 'sjtu'] as const) {
      it.each(Object.entries(REPRESENTATIONS))(`${target}: refuses %s`, async (name, representation) => {
        if (target === 'registry' && name === 'an interface the subgraph does not resolve') return; // the registry does
        const before = await graphSnapshot(graph);
        const reply = await post(subgraphUrl(graph, target), {
          query: 'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }',
          variables: { representations: [representation] },
        });
        expectTypedRefusal(reply, new Set(['BAD_USER_INPUT']));
        expect(await graphSnapshot(graph)).toEqual(before);
      });
      it(`${target}: answers null for a well-formed key nobody has, SQL or not`, async () => {
        const reply = await post(subgraphUrl(graph, target), {
          query:
            'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on SjtuSession { id } } }',
          variables: { representations: [{ __typename: 'SjtuSession', id: "' OR '1'='1" }] },
        });
        expect(reply.body.errors, reply.text).toBeUndefined();
        // The registry answers every session reference with what it adds (seats); sjtu has no such session.
        expect(reply.body.data?.['_entities']).toEqual(target === 'sjtu' ? [null] : [{ id: "' OR '1'='1" }]);
      });
    }
  });
});
