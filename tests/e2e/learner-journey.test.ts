import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxProvider } from '@xueshi/registry/payments';
import { DEMO_EMPLOYER, DEMO_LEARNER, DEMO_PASSWORD } from '@xueshi/institutions/demo';
import { pdfText } from '@xueshi/documents/testing';
import { contractOperation } from '../harness/contract';
import { expectRefusedWithoutChange, insertSjtuSession, randomIdNumber } from '../harness/fixtures';
import { startTestGraph } from '../harness/graph';
import type { GraphResult, TestGraph } from '../harness/graph';
import { errorCode, signUpLearner } from '../harness/learners';
import type { SignedUpLearner } from '../harness/learners';

const SIGN_UP = contractOperation('SignUp');
const SIGN_IN = contractOperation('SignIn');
const STAFF_SIGN_IN = contractOperation('StaffSignIn');
const REGISTER = contractOperation('Register');
const PAY = contractOperation('Pay');
const WITHDRAW = contractOperation('Withdraw');
const MY_REGISTRATIONS = /* GraphQL */ `
  query MyRegistrations {
    me {
      registrations {
        id
        status
        feeFen
      }
    }
  }
`;

const REQUEST_INVOICE = /* GraphQL */ `
  mutation RequestInvoice($input: RequestInvoiceInput!) {
    requestInvoice(input: $input) {
      id
      number
      kind
      title
      creditCode
      amountFen
      item
      issuer {
        name
      }
      document {
        url
      }
    }
  }
`;

interface Registered {
  register: { id: string; status: string; feeFen: number; session: { id: string; course: { title: string; hours: number } } };
}
interface Paid {
  pay: { id: string; status: string; amountFen: number; registration: { id: string; status: string } };
}
interface Withdrawn {
  withdraw: { id: string; status: string; refundFen: number | null };
}

const SJTU_MARCH = 'sjtu:session:2021-data-0311';
/** A May session open from 22 Feb (the seeded May sessions open four weeks ahead), with room for every test. */
let SJTU_MAY = '';
const EMPLOYER_RUN = 'association:session:2021-ip-1130';
const COURSEWARE = 'elective-provider:session:2021-ethics';

describe('the learner journey through the gateway', () => {
  let graph: TestGraph;
  const sandbox = createSandboxProvider();
  const opening = '2021-02-22T10:00:00+08:00';

  const refusedWithoutChange = <T>(call: () => Promise<GraphResult<T>>) =>
    expectRefusedWithoutChange(graph.subgraph('registry').database, call);

  const register = (learner: SignedUpLearner, sessionId: string) =>
    graph.execute<Registered>(REGISTER, { sessionId }, learner.caller);
  const pay = (learner: SignedUpLearner, registrationId: string, idempotencyKey: string) =>
    graph.execute<Paid>(PAY, { registrationId, idempotencyKey }, learner.caller);

  beforeAll(async () => {
    graph = await startTestGraph({ seed: 'demo', paymentProvider: sandbox });
    SJTU_MAY = await insertSjtuSession(graph.subgraph('sjtu').database, {
      local: '2021-data-may',
      firstDay: '2021-05-13',
      capacity: 500,
    });
  });
  afterAll(() => graph?.close());
  beforeEach(() => graph.clock.set(opening));

  describe('identity', () => {
    it('signs a learner up and in by ID number and password, as the contract says', async () => {
      const idNumber = randomIdNumber('19900101');
      const signUp = await graph.execute<{
        signUp: { token: string; learner: { id: string; name: string; idNumberMasked: string } };
      }>(SIGN_UP, {
        input: { idNumber, name: '王小红', password: 'a long secret', mobile: '13712345678', employer: '上海测试有限公司' },
      });
      expect(signUp.errors).toBeUndefined();
      expect(signUp.data?.signUp.learner).toMatchObject({
        name: '王小红',
        idNumberMasked: `310${'*'.repeat(11)}${idNumber.slice(-4)}`,
      });
      expect(signUp.data?.signUp.token.split('.')).toHaveLength(3);

      const signIn = await graph.execute<{ signIn: { token: string; learner: { id: string } } }>(SIGN_IN, {
        idNumber,
        password: 'a long secret',
      });
      expect(signIn.data?.signIn.learner.id).toBe(signUp.data?.signUp.learner.id);

      const me = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${signIn.data?.signIn.token}` },
        body: JSON.stringify({ query: '{ me { id name idNumber mobileMasked } }' }),
      }).then(
        (response) => response.json() as Promise<{ data: { me: { name: string; idNumber: string; mobileMasked: string } } }>,
      );
      expect(me.data.me).toMatchObject({ name: '王小红', idNumber, mobileMasked: '137****5678' });
    });

    it('accepts a lower-case x check character and stores it upper-case', async () => {
      let idNumber = randomIdNumber('19750505');
      while (!idNumber.endsWith('X')) idNumber = randomIdNumber('19750505');
      const learner = await signUpLearner(graph, { idNumber: idNumber.toLowerCase() });
      const signIn = await graph.execute<{ signIn: { learner: { id: string } } }>(SIGN_IN, {
        idNumber,
        password: 'correct horse battery',
      });
      expect(signIn.data?.signIn.learner.id).toBe(learner.id);
    });

    it.each([
      ['a wrong check character', { idNumber: '310115198503121235' }, 'idNumber'],
      ['a birth date in the future', { idNumber: '' }, 'idNumber'],
      ['a short password', { password: 'short' }, 'password'],
      ['a landline for a mobile', { mobile: '31263858' }, 'mobile'],
      ['an empty name', { name: '   ' }, 'name'],
      ['an employer of one character', { employer: 'X' }, 'employer'],
    ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_what, override, field) => {
      const input = {
        idNumber: randomIdNumber(),
        name: '赵六',
        password: 'good password',
        mobile: '13812345678',
        employer: '上海测试有限公司',
        ...override,
      };
      if (input.idNumber === '') {
        const first17 = '31010420300101123';
        input.idNumber = randomIdNumber('20300101').slice(0, 17) === first17 ? '' : randomIdNumber('20300101');
      }
      const result = await refusedWithoutChange(() => graph.execute(SIGN_UP, { input }));
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff].*\(.*[a-z]/);
    });

    it('refuses a second account for the same ID number with CONFLICT', async () => {
      const learner = await signUpLearner(graph);
      const result = await refusedWithoutChange(() =>
        graph.execute(SIGN_UP, {
          input: {
            idNumber: learner.idNumber,
            name: '冒名',
            password: 'another password',
            mobile: '13800000000',
            employer: '另一家公司',
          },
        }),
      );
      expect(errorCode(result)).toBe('CONFLICT');
    });

    it('refuses a wrong password and an unknown ID number alike', async () => {
      const learner = await signUpLearner(graph);
      const wrong = await graph.execute(SIGN_IN, { idNumber: learner.idNumber, password: 'not the password' });
      const unknown = await graph.execute(SIGN_IN, { idNumber: randomIdNumber(), password: 'not the password' });
      expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
      expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
      expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    });

    it('signs the demo learner in with the demo password', async () => {
      const result = await graph.execute<{ signIn: { learner: { id: string } } }>(SIGN_IN, {
        idNumber: DEMO_LEARNER.idNumber,
        password: DEMO_PASSWORD,
      });
      expect(result.data?.signIn.learner.id).toBeTruthy();
    });

    it('signs staff in with their role and institution in the token', async () => {
      const result = await graph.execute<{ staffSignIn: { token: string } }>(STAFF_SIGN_IN, {
        username: 'sjtu-staff',
        password: DEMO_PASSWORD,
      });
      const token = result.data?.staffSignIn.token ?? '';
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ sub: 'sjtu-staff', role: 'INSTITUTION_STAFF', inst: 'sjtu' });
      expect(Number(claims['exp']) - Number(claims['iat'])).toBeLessThanOrEqual(60 * 60);
      const wrong = await graph.execute(STAFF_SIGN_IN, { username: 'registrar', password: 'guess' });
      expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    });
  });

  describe('registration', () => {
    it('opens at 2021-02-22 10:00 Asia/Shanghai: refused one second before, taken on the dot', async () => {
      const learner = await signUpLearner(graph);
      graph.clock.set('2021-02-22T09:59:59+08:00');
      const early = await refusedWithoutChange(() => register(learner, SJTU_MARCH));
      expect(errorCode(early)).toBe('REGISTRATION_CLOSED');
      expect(early.errors?.[0]?.message).toContain('2021年2月22日 10:00');

      graph.clock.set('2021-02-22T10:00:00+08:00');
      const result = await register(learner, SJTU_MARCH);
      expect(result.errors).toBeUndefined();
      expect(result.data?.register).toMatchObject({
        status: 'AWAITING_PAYMENT',
        feeFen: 24000,
        session: { id: SJTU_MARCH, course: { title: '数据分析基础', hours: 12 } },
      });
    });

    it("honours a session's own later opening, and closes once the session has started", async () => {
      const learner = await signUpLearner(graph);
      const later = await insertSjtuSession(graph.subgraph('sjtu').database, {
        local: '2021-data-later',
        firstDay: '2021-06-03',
        registrationOpensAt: '2021-05-01T10:00:00+08:00',
      });
      expect(errorCode(await refusedWithoutChange(() => register(learner, later)))).toBe('REGISTRATION_CLOSED');
      graph.clock.set('2021-03-11T09:00:00+08:00');
      expect(errorCode(await refusedWithoutChange(() => register(learner, SJTU_MARCH)))).toBe('REGISTRATION_CLOSED');
    });

    it('keeps one active registration per learner per course per year', async () => {
      const learner = await signUpLearner(graph);
      const first = await register(learner, SJTU_MARCH);
      expect(first.errors).toBeUndefined();
      const second = await refusedWithoutChange(() => register(learner, SJTU_MAY));
      expect(errorCode(second)).toBe('CONFLICT');
      await graph.execute(WITHDRAW, { registrationId: first.data?.register.id }, learner.caller);
      expect((await register(learner, SJTU_MAY)).errors).toBeUndefined();
    });

    it('admits to employer-run training the staff the employer lists, not who types its name', async () => {
      graph.clock.set('2021-11-02T10:00:00+08:00');
      const pretender = await signUpLearner(graph, { employer: DEMO_EMPLOYER.name });
      const result = await refusedWithoutChange(() => register(pretender, EMPLOYER_RUN));
      expect(errorCode(result)).toBe('FORBIDDEN');
      const insider = await signUpLearner(graph, { employer: '上海其他公司' });
      const listed = await graph.execute(
        'mutation ($idNumbers: [String!]!) { setEmployerStaff(idNumbers: $idNumbers) { staffCount } }',
        { idNumbers: [DEMO_LEARNER.idNumber, insider.idNumber] },
        { role: 'EMPLOYER', subject: DEMO_EMPLOYER.creditCode },
      );
      expect(listed.data).toEqual({ setEmployerStaff: { staffCount: 2 } });
      expect((await register(insider, EMPLOYER_RUN)).errors).toBeUndefined();
    });

    it('refuses unknown and foreign session ids with NOT_FOUND', async () => {
      const learner = await signUpLearner(graph);
      for (const sessionId of [
        'sjtu:session:2021-nothing',
        'nonsense',
        'registry:session:x',
        "sjtu:session:'; drop table sessions; --",
      ]) {
        expect(errorCode(await refusedWithoutChange(() => register(learner, sessionId)))).toBe('NOT_FOUND');
      }
    });

    it('refuses callers who are not signed-in learners', async () => {
      expect(errorCode(await refusedWithoutChange(() => graph.execute(REGISTER, { sessionId: SJTU_MARCH })))).toBe(
        'UNAUTHENTICATED',
      );
      const asStaff = await refusedWithoutChange(() =>
        graph.execute(
          REGISTER,
          { sessionId: SJTU_MARCH },
          { role: 'INSTITUTION_STAFF', subject: 'sjtu-staff', institution: 'sjtu' },
        ),
      );
      expect(errorCode(asStaff)).toBe('FORBIDDEN');
    });

    it('never oversells: the seat count stops at capacity, and SESSION_FULL changes nothing', async () => {
      const small = await insertSjtuSession(graph.subgraph('sjtu').database, {
        local: '2021-data-small',
        capacity: 3,
        firstDay: '2021-04-22',
      });
      const learners = await Promise.all([1, 2, 3, 4].map(() => signUpLearner(graph)));
      for (const learner of learners.slice(0, 3)) expect((await register(learner, small)).errors).toBeUndefined();
      const last = learners[3];
      if (!last) throw new Error('no learner');
      expect(errorCode(await refusedWithoutChange(() => register(last, small)))).toBe('SESSION_FULL');
      const seats = await graph.execute<{ session: { seatsTaken: number; capacity: number } }>(
        `query ($id: ID!) { session(id: $id) { seatsTaken capacity } }`,
        { id: small },
      );
      expect(seats.data?.session).toEqual({ seatsTaken: 3, capacity: 3 });
    });

    it('snapshots the fee and hours agreed at registration', async () => {
      const learner = await signUpLearner(graph);
      const session = await insertSjtuSession(graph.subgraph('sjtu').database, {
        local: '2022-data-fee',
        courseLocal: '2022-data',
        firstDay: '2022-05-19',
      });
      graph.clock.set('2022-03-01T10:00:00+08:00');
      const before = await register(learner, session);
      expect(before.data?.register.feeFen).toBe(24000);
      await insertSjtuSession(graph.subgraph('sjtu').database, {
        local: '2022-data-fee2',
        courseLocal: '2022-data',
        firstDay: '2022-05-26',
        feeFen: 30000,
      });
      const record = await graph.execute<{ me: { registrations: { id: string; feeFen: number }[] } }>(
        MY_REGISTRATIONS,
        {},
        learner.caller,
      );
      expect(record.data?.me.registrations.find((entry) => entry.id === before.data?.register.id)?.feeFen).toBe(24000);
    });
  });

  describe('payment', () => {
    it('pays once per idempotency key, also when the same key arrives ten times at once', async () => {
      const learner = await signUpLearner(graph);
      const registrationId = (await register(learner, SJTU_MAY)).data?.register.id ?? '';
      const key = `key-${learner.id}`;
      const results = await Promise.all(Array.from({ length: 10 }, () => pay(learner, registrationId, key)));
      const ids = new Set(results.map((result) => result.data?.pay.id));
      expect(ids.size).toBe(1);
      const final = await pay(learner, registrationId, key);
      expect(final.data?.pay).toMatchObject({
        status: 'SUCCEEDED',
        amountFen: 24000,
        registration: { id: registrationId, status: 'PAID' },
      });
      const [paymentId] = [...ids];
      expect([...sandbox.charges.keys()].filter((chargeKey) => chargeKey === `payment:${paymentId}`)).toHaveLength(1);
      const again = await refusedWithoutChange(() => pay(learner, registrationId, `other-${learner.id}`));
      expect(errorCode(again)).toBe('CONFLICT');
    });

    it('leaves a declined payment to be paid again with a new key', async () => {
      const learner = await signUpLearner(graph);
      const registrationId = (await register(learner, SJTU_MAY)).data?.register.id ?? '';
      sandbox.declineNextCharges(1);
      const declined = await pay(learner, registrationId, `first-${learner.id}`);
      expect(declined.data?.pay).toMatchObject({ status: 'FAILED', registration: { status: 'AWAITING_PAYMENT' } });
      const paid = await pay(learner, registrationId, `retry-${learner.id}`);
      expect(paid.data?.pay).toMatchObject({ status: 'SUCCEEDED', registration: { status: 'PAID' } });
    });

    it("refuses malformed keys, others' registrations and unknown ids, changing nothing", async () => {
      const owner = await signUpLearner(graph);
      const other = await signUpLearner(graph);
      const registrationId = (await register(owner, SJTU_MAY)).data?.register.id ?? '';
      expect(errorCode(await refusedWithoutChange(() => pay(owner, registrationId, 'short')))).toBe('BAD_USER_INPUT');
      expect(errorCode(await refusedWithoutChange(() => pay(owner, registrationId, 'bad key with spaces')))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await refusedWithoutChange(() => pay(other, registrationId, `steal-${other.id}`)))).toBe('NOT_FOUND');
      expect(errorCode(await refusedWithoutChange(() => pay(owner, 'not-a-uuid', `key-${owner.id}`)))).toBe('NOT_FOUND');
    });

    it('frees an unpaid seat when the 30-minute hold lapses', async () => {
      const small = await insertSjtuSession(graph.subgraph('sjtu').database, {
        local: '2021-data-hold',
        capacity: 1,
        firstDay: '2021-04-29',
      });
      const slow = await signUpLearner(graph);
      const quick = await signUpLearner(graph);
      const held = await register(slow, small);
      expect(errorCode(await register(quick, small))).toBe('SESSION_FULL');
      graph.clock.set('2021-02-22T10:29:59+08:00');
      expect(errorCode(await register(quick, small))).toBe('SESSION_FULL');
      graph.clock.set('2021-02-22T10:30:00+08:00');
      const record = await graph.execute<{ me: { registrations: { id: string; status: string }[] } }>(
        MY_REGISTRATIONS,
        {},
        slow.caller,
      );
      expect(record.data?.me.registrations.find((entry) => entry.id === held.data?.register.id)?.status).toBe('EXPIRED');
      expect(errorCode(await refusedWithoutChange(() => pay(slow, held.data?.register.id ?? '', `late-${slow.id}`)))).toBe(
        'REGISTRATION_CLOSED',
      );
      expect((await register(quick, small)).errors).toBeUndefined();
    });
  });

  describe('invoices', () => {
    const paidRegistration = async (learner: SignedUpLearner, sessionId: string) => {
      const registrationId = (await register(learner, sessionId)).data?.register.id ?? '';
      return (await pay(learner, registrationId, `pay-${learner.id}`)).data?.pay.id ?? '';
    };

    it('issues a personal invoice in the name of the institution that runs the course, once per payment', async () => {
      const learner = await signUpLearner(graph, { name: '孙丽' });
      const paymentId = await paidRegistration(learner, SJTU_MAY);
      const invoice = await graph.execute<{ requestInvoice: Record<string, unknown> }>(
        REQUEST_INVOICE,
        { input: { paymentId, kind: 'PERSONAL' } },
        learner.caller,
      );
      expect(invoice.errors).toBeUndefined();
      expect(invoice.data?.requestInvoice).toMatchObject({
        kind: 'PERSONAL',
        title: '孙丽',
        creditCode: null,
        amountFen: 24000,
        item: '继续教育培训费（数据分析基础）',
        issuer: { name: '上海交通大学' },
      });
      expect(String(invoice.data?.requestInvoice['number'])).toMatch(/^202105\d{8}$/);

      const url = String((invoice.data?.requestInvoice['document'] as { url: string }).url);
      const origin = new URL(graph.gatewayUrl).origin;
      const download = await fetch(new URL(url, origin));
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      const { text } = await pdfText(new Uint8Array(await download.arrayBuffer()));
      for (const expected of [
        '电子普通发票',
        '上海交通大学',
        '孙丽',
        '继续教育培训费（数据分析基础）',
        '贰佰肆拾元整',
        String(invoice.data?.requestInvoice['number']),
      ]) {
        expect(text).toContain(expected);
      }
      const path = new URL(url, origin).pathname;
      expect((await fetch(new URL(path, origin))).status).toBe(401);
      const stranger = await signUpLearner(graph);
      const asStranger = await fetch(new URL(path, origin), {
        headers: { authorization: `Bearer ${await graph.tokenFor(stranger.caller)}` },
      });
      expect(asStranger.status).toBe(404);
      const asOwner = await fetch(new URL(path, origin), {
        headers: { authorization: `Bearer ${await graph.tokenFor(learner.caller)}` },
      });
      expect(asOwner.status).toBe(200);
      const again = await refusedWithoutChange(() =>
        graph.execute(REQUEST_INVOICE, { input: { paymentId, kind: 'PERSONAL' } }, learner.caller),
      );
      expect(errorCode(again)).toBe('CONFLICT');
    });

    it("issues an organisation's invoice only with a valid unified social credit code", async () => {
      const learner = await signUpLearner(graph);
      const paymentId = await paidRegistration(learner, SJTU_MAY);
      const bad = await refusedWithoutChange(() =>
        graph.execute(
          REQUEST_INVOICE,
          { input: { paymentId, kind: 'ORGANISATION', title: '上海测试科技有限公司', creditCode: '91310000132149237A' } },
          learner.caller,
        ),
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.extensions?.['field']).toBe('creditCode');
      const good = await graph.execute<{ requestInvoice: Record<string, unknown> }>(
        REQUEST_INVOICE,
        { input: { paymentId, kind: 'ORGANISATION', title: '上海测试科技有限公司', creditCode: '91310000132149237g' } },
        learner.caller,
      );
      expect(good.data?.requestInvoice).toMatchObject({
        kind: 'ORGANISATION',
        title: '上海测试科技有限公司',
        creditCode: '91310000132149237G',
      });
    });

    it("refuses invoices for unpaid registrations and for other learners' payments", async () => {
      const owner = await signUpLearner(graph);
      const other = await signUpLearner(graph);
      const paymentId = await paidRegistration(owner, SJTU_MAY);
      const stranger = await refusedWithoutChange(() =>
        graph.execute(REQUEST_INVOICE, { input: { paymentId, kind: 'PERSONAL' } }, other.caller),
      );
      expect(errorCode(stranger)).toBe('NOT_FOUND');
      const unpaidRegistration = (await register(other, SJTU_MAY)).data?.register.id ?? '';
      sandbox.declineNextCharges(1);
      const declined = (await pay(other, unpaidRegistration, `first-${other.id}`)).data?.pay.id ?? '';
      const unpaid = await refusedWithoutChange(() =>
        graph.execute(REQUEST_INVOICE, { input: { paymentId: declined, kind: 'PERSONAL' } }, other.caller),
      );
      expect(errorCode(unpaid)).toBe('CONFLICT');
    });

    it('reverses the invoice (红字发票) when the invoiced money is refunded, and only then', async () => {
      const INVOICES = /* GraphQL */ `
        {
          me {
            registrations {
              id
              payments {
                invoice {
                  number
                  reversal {
                    number
                    amountFen
                    reason
                    document {
                      url
                    }
                  }
                }
              }
            }
          }
        }
      `;
      type Invoices = {
        me: {
          registrations: {
            id: string;
            payments: {
              invoice: {
                number: string;
                reversal: { number: string; amountFen: number; reason: string; document: { url: string } } | null;
              } | null;
            }[];
          }[];
        };
      };
      const invoiceOf = async (learner: SignedUpLearner, registrationId: string) =>
        (await graph.execute<Invoices>(INVOICES, {}, learner.caller)).data?.me.registrations
          .find((registration) => registration.id === registrationId)
          ?.payments.find((payment) => payment.invoice)?.invoice;
      const invoiced = async (learner: SignedUpLearner, sessionId: string) => {
        const registrationId = (await register(learner, sessionId)).data?.register.id ?? '';
        const paymentId = (await pay(learner, registrationId, `pay-${registrationId}`)).data?.pay.id ?? '';
        await graph.execute(REQUEST_INVOICE, { input: { paymentId, kind: 'PERSONAL' } }, learner.caller);
        return registrationId;
      };

      const refunded = await signUpLearner(graph, { name: '周敏' });
      const refundedRegistration = await invoiced(refunded, SJTU_MAY);
      expect((await invoiceOf(refunded, refundedRegistration))?.reversal).toBeNull();
      const withdrawn = await graph.execute<Withdrawn>(WITHDRAW, { registrationId: refundedRegistration }, refunded.caller);
      expect(withdrawn.data?.withdraw.refundFen).toBe(24000);
      const invoice = await invoiceOf(refunded, refundedRegistration);
      expect(invoice?.reversal).toMatchObject({ amountFen: 24000, reason: '退课退款' });
      expect(invoice?.reversal?.number).toMatch(/^202105\d{8}$/);
      expect(invoice?.reversal?.number).not.toBe(invoice?.number);
      const origin = new URL(graph.gatewayUrl).origin;
      const download = await fetch(new URL(invoice?.reversal?.document.url ?? '', origin));
      expect(download.status).toBe(200);
      const { text } = await pdfText(new Uint8Array(await download.arrayBuffer()));
      for (const expected of [
        '电子普通发票（红字）',
        '周敏',
        '-¥240.00',
        '负贰佰肆拾元整',
        `对应蓝字发票号码：${invoice?.number}`,
      ]) {
        expect(text).toContain(expected);
      }
      // Withdrawing again changes nothing: one reversal, as there is one refund.
      await graph.execute(WITHDRAW, { registrationId: refundedRegistration }, refunded.caller);
      expect((await invoiceOf(refunded, refundedRegistration))?.reversal?.number).toBe(invoice?.reversal?.number);

      // From the first day on nothing is refunded, so the invoice stands.
      const kept = await signUpLearner(graph);
      const keptRegistration = await invoiced(kept, SJTU_MAY);
      const before = graph.clock.now();
      graph.clock.set('2021-05-13T10:00:00+08:00');
      try {
        const late = await graph.execute<Withdrawn>(WITHDRAW, { registrationId: keptRegistration }, kept.caller);
        expect(late.data?.withdraw.refundFen).toBe(0);
        const standing = await invoiceOf(kept, keptRegistration);
        expect(standing?.number).toMatch(/^202105\d{8}$/);
        expect(standing?.reversal).toBeNull();
      } finally {
        graph.clock.set(before);
      }
    });
  });

  describe('withdrawal', () => {
    it('refunds in full before the first day, through the provider, once', async () => {
      const learner = await signUpLearner(graph);
      const registrationId = (await register(learner, SJTU_MAY)).data?.register.id ?? '';
      await pay(learner, registrationId, `pay-${learner.id}`);
      graph.clock.set('2021-05-12T23:59:59+08:00');
      const withdrawn = await graph.execute<Withdrawn>(WITHDRAW, { registrationId }, learner.caller);
      expect(withdrawn.data?.withdraw).toEqual({ id: registrationId, status: 'WITHDRAWN', refundFen: 24000 });
      const again = await graph.execute<Withdrawn>(WITHDRAW, { registrationId }, learner.caller);
      expect(again.data?.withdraw).toEqual(withdrawn.data?.withdraw);
      const refundKeys = [...sandbox.refunds.keys()];
      expect(new Set(refundKeys).size).toBe(refundKeys.length);
    });

    it('refunds nothing from the first day on, and frees the seat', async () => {
      const small = await insertSjtuSession(graph.subgraph('sjtu').database, {
        local: '2021-data-late',
        capacity: 1,
        firstDay: '2021-05-27',
      });
      const learner = await signUpLearner(graph);
      const next = await signUpLearner(graph);
      const registrationId = (await register(learner, small)).data?.register.id ?? '';
      await pay(learner, registrationId, `pay-${learner.id}`);
      graph.clock.set('2021-05-27T00:00:00+08:00');
      const withdrawn = await graph.execute<Withdrawn>(WITHDRAW, { registrationId }, learner.caller);
      expect(withdrawn.data?.withdraw).toEqual({ id: registrationId, status: 'WITHDRAWN', refundFen: 0 });
      graph.clock.set('2021-05-26T12:00:00+08:00');
      expect((await register(next, small)).errors).toBeUndefined();
    });

    it('refuses to withdraw from a session that is over, or twice from another learner', async () => {
      const learner = await signUpLearner(graph);
      const other = await signUpLearner(graph);
      const registrationId = (await register(learner, SJTU_MARCH)).data?.register.id ?? '';
      expect(errorCode(await refusedWithoutChange(() => graph.execute(WITHDRAW, { registrationId }, other.caller)))).toBe(
        'NOT_FOUND',
      );
      await pay(learner, registrationId, `pay-${learner.id}`);
      graph.clock.set('2021-03-12T17:00:00+08:00');
      expect(errorCode(await refusedWithoutChange(() => graph.execute(WITHDRAW, { registrationId }, learner.caller)))).toBe(
        'CONFLICT',
      );
    });
  });

  describe('online electives', () => {
    it('sells courseware through the same registration and payment, valid until 31 Dec, then EXPIRED', async () => {
      const learner = await signUpLearner(graph);
      graph.clock.set('2021-06-01T10:00:00+08:00');
      const registrationId = (await register(learner, COURSEWARE)).data?.register.id ?? '';
      const paid = await pay(learner, registrationId, `pay-${learner.id}`);
      expect(paid.data?.pay).toMatchObject({ status: 'SUCCEEDED', amountFen: 3000, registration: { status: 'PAID' } });
      const query = `{ me { registrations { id status accessExpiresAt } } }`;
      const during = await graph.execute<{ me: { registrations: { id: string; status: string; accessExpiresAt: string }[] } }>(
        query,
        {},
        learner.caller,
      );
      expect(during.data?.me.registrations[0]).toEqual({
        id: registrationId,
        status: 'PAID',
        accessExpiresAt: '2021-12-31T23:59:59+08:00',
      });
      graph.clock.set('2022-01-01T00:00:00+08:00');
      const after = await graph.execute<{ me: { registrations: { status: string }[] } }>(query, {}, learner.caller);
      expect(after.data?.me.registrations[0]?.status).toBe('EXPIRED');
    });

    it('refunds nothing for paid courseware', async () => {
      const learner = await signUpLearner(graph);
      graph.clock.set('2021-06-01T10:00:00+08:00');
      const registrationId = (await register(learner, COURSEWARE)).data?.register.id ?? '';
      await pay(learner, registrationId, `pay-${learner.id}`);
      const withdrawn = await graph.execute<Withdrawn>(WITHDRAW, { registrationId }, learner.caller);
      expect(withdrawn.data?.withdraw.refundFen).toBe(0);
    });
  });

  it("lists the learner's registrations in the contract's MyRecord shape", async () => {
    const learner = await signUpLearner(graph);
    await register(learner, SJTU_MAY);
    const result = await graph.execute<{ me: { registrations: unknown[] } }>(
      `query { me { id name idNumberMasked registrations { id status feeFen session { id startsAt endsAt course { title category hours institution { name } } } } } }`,
      {},
      learner.caller,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.me.registrations).toEqual([
      {
        id: expect.any(String),
        status: 'AWAITING_PAYMENT',
        feeFen: 24000,
        session: {
          id: SJTU_MAY,
          startsAt: '2021-05-13T09:00:00+08:00',
          endsAt: '2021-05-14T16:30:00+08:00',
          course: { title: '数据分析基础', category: 'REQUIRED', hours: 12, institution: { name: '上海交通大学' } },
        },
      },
    ]);
  });
});
