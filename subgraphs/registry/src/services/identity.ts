import { isValidCreditCode, isValidIdNumber, isValidMobile, normaliseIdNumber, shanghaiDay } from '@xueshi/domain';
import {
  ErrorCode,
  SIGN_IN_LIMITS,
  UserError,
  badInput,
  notFound,
  sqlState,
  SqlState,
  unauthenticated,
} from '@xueshi/subgraph-kit';
import type { Caller, Clock, Db, RateLimitRule, RateLimiter, TokenSigner } from '@xueshi/subgraph-kit';
import { and, eq, isNull } from 'drizzle-orm';
import { employerStaff, employers, idNumberRestorations, learners, staff } from '../db/schema';
import type { EmployerRow, IdNumberRestorationRow, LearnerRow, StaffRow } from '../db/schema';
import { hashPassword, verifyPassword } from '../passwords';
import { hasControlCharacters, personName, text } from './validation';
import { requireAllowed } from '../policy';

export interface SignUpInput {
  idNumber: string;
  name: string;
  password: string;
  mobile: string;
  employer: string;
}

export interface EmployerSignUpInput {
  creditCode: string;
  name: string;
  contactName: string;
  contactMobile: string;
  password: string;
}

export interface RestoreIdNumberInput {
  idNumber: string;
  identityCheck: string;
  reason: string;
}

export interface SignedIn<Subject> {
  token: string;
  expiresAt: Date;
  subject: Subject;
}

export interface IdentityOptions {
  db: Db;
  clock: Clock;
  signer: TokenSigner;
  passwordCost: number;
  tokenTtlSeconds: number;
  /** Refuses an account after repeated failed sign-ins, whichever replica takes the attempt. */
  rateLimiter: RateLimiter;
  /** Sign-ups one mobile may attempt (SIGN_UP_LIMITS), every one counted. */
  signUpPerMobile: RateLimitRule;
}

const wrongCredentials = () => unauthenticated({ zh: '身份证号码或密码错误', en: 'Wrong ID number or password' });
const wrongEmployerCredentials = () =>
  unauthenticated({ zh: '统一社会信用代码或密码错误', en: 'Wrong unified social credit code or password' });
const wrongStaffCredentials = () => unauthenticated({ zh: '用户名或密码错误', en: 'Wrong username or password' });

/** What an ID number looks like once normalised; anything else cannot match an account and never reaches SQL. */
const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;
/** The most ID numbers one employer lists as its staff at once. */
const MAX_EMPLOYER_STAFF = 10_000;

/** A credit code as typed: spaces dropped, upper-cased; at most 32 characters ever reach a lookup. */
const normaliseCreditCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase().slice(0, 32);

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
    throw badInput(
      {
        zh: `密码长度须为 ${MIN_PASSWORD}–${MAX_PASSWORD} 位`,
        en: `The password must have ${MIN_PASSWORD}–${MAX_PASSWORD} characters`,
      },
      'password',
    );
  }
}

/** Sign-up and sign-in for learners (ID number and password, as the plan says) and staff. */
export function createIdentity(options: IdentityOptions) {
  const { db, clock, signer } = options;
  // Checking a password against this when no account matches keeps a wrong ID number as slow as a wrong password.
  let decoy: Promise<string> | undefined;
  const decoyHash = () => (decoy ??= hashPassword('decoy password, matches nothing', options.passwordCost));

  const issue = async <Subject>(caller: Caller, subject: Subject): Promise<SignedIn<Subject>> => ({
    token: await signer.sign(caller, options.tokenTtlSeconds),
    expiresAt: new Date(clock.now().getTime() + options.tokenTtlSeconds * 1000),
    subject,
  });

  return {
    /**
     * Creates a learner's account; BAD_USER_INPUT for an invalid field, RATE_LIMITED after too many
     * sign-ups with the mobile, CONFLICT (saying how to reclaim it) for an ID number already registered.
     */
    signUp: async (input: SignUpInput): Promise<SignedIn<LearnerRow>> => {
      const idNumber = normaliseIdNumber(input.idNumber);
      if (!isValidIdNumber(idNumber, shanghaiDay(clock.now()))) {
        throw badInput({ zh: '身份证号码无效，请核对', en: 'This is not a valid resident ID number' }, 'idNumber');
      }
      const name = personName(input.name);
      const mobile = input.mobile.trim();
      if (!isValidMobile(mobile)) {
        throw badInput({ zh: '请填写 11 位手机号码', en: 'Enter an 11-digit mainland mobile number' }, 'mobile');
      }
      const employer = text(input.employer, 'employer', {
        min: 2,
        max: 100,
        zh: '请填写工作单位全称（2–100 个字）',
        en: 'Enter your employer’s full name (2–100 characters)',
      });
      checkPassword(input.password);
      // Reserved before the ID number is looked at, so probing which ones are taken runs at a trickle.
      await options.rateLimiter.reserve(options.signUpPerMobile, mobile);
      const passwordHash = await hashPassword(input.password, options.passwordCost);
      try {
        const [learner] = await db
          .insert(learners)
          .values({ idNumber, name, mobile, employer, passwordHash, createdAt: clock.now() })
          .returning();
        if (!learner) throw new Error('insert returned no learner');
        return await issue({ role: 'LEARNER', subject: learner.id }, learner);
      } catch (error) {
        if (sqlState(error) === SqlState.UNIQUE_VIOLATION) {
          throw new UserError(
            ErrorCode.CONFLICT,
            {
              zh: '该身份证号码已注册，请直接登录。如果不是您本人注册的，请携带身份证原件到上海继续工程教育协会，由注册管理员核实身份后为您找回该号码',
              en: 'This ID number already has an account; please sign in. If you did not create it, bring your ID card to the Shanghai Continuing Engineering Education Association: the registrar checks who you are and restores the number to you',
            },
            { reclaim: 'REGISTRAR' },
          );
        }
        throw error;
      }
    },

    /**
     * Signs a learner in with ID number and password; UNAUTHENTICATED when either is wrong, RATE_LIMITED
     * after five failures for the ID number within 15 minutes. Every attempt counts from the start; the
     * right password forgives the account's failures.
     */
    signIn: async (idNumberInput: string, password: string): Promise<SignedIn<LearnerRow>> => {
      const idNumber = normaliseIdNumber(idNumberInput).slice(0, 32);
      const account = `learner:${idNumber}`;
      // Reserved before the password is checked, so parallel guesses cannot all slip in under the limit.
      await options.rateLimiter.reserve(SIGN_IN_LIMITS.failuresPerAccount, account);
      const [learner] = ID_NUMBER_SHAPE.test(idNumber)
        ? await db
            .select()
            .from(learners)
            .where(and(eq(learners.idNumber, idNumber), isNull(learners.lockedAt)))
        : [];
      // Hashed at most MAX_PASSWORD characters (a bounded cost); a longer one was never set, so never matches.
      const matches =
        (await verifyPassword(password.slice(0, MAX_PASSWORD), learner?.passwordHash ?? (await decoyHash()))) &&
        password.length <= MAX_PASSWORD;
      if (!learner || !matches) throw wrongCredentials();
      await options.rateLimiter.reset(SIGN_IN_LIMITS.failuresPerAccount, account);
      return issue({ role: 'LEARNER', subject: learner.id }, learner);
    },

    /**
     * Creates an employer's account (credit code checked against GB 32100) and signs it in;
     * BAD_USER_INPUT for an invalid field, RATE_LIMITED after too many sign-ups with the contact's
     * mobile, CONFLICT for a credit code that already has an account.
     */
    employerSignUp: async (input: EmployerSignUpInput): Promise<SignedIn<EmployerRow>> => {
      const creditCode = normaliseCreditCode(input.creditCode);
      if (!isValidCreditCode(creditCode)) {
        throw badInput(
          { zh: '统一社会信用代码无效，请核对', en: 'This is not a valid unified social credit code' },
          'creditCode',
        );
      }
      const name = text(input.name, 'name', {
        min: 2,
        max: 100,
        zh: '请填写单位全称（2–100 个字）',
        en: 'Enter the employer’s full name (2–100 characters)',
      });
      const contactName = personName(input.contactName, 'contactName');
      const contactMobile = input.contactMobile.trim();
      if (!isValidMobile(contactMobile)) {
        throw badInput(
          { zh: '请填写联系人的 11 位手机号码', en: 'Enter the contact’s 11-digit mainland mobile number' },
          'contactMobile',
        );
      }
      checkPassword(input.password);
      await options.rateLimiter.reserve(options.signUpPerMobile, contactMobile);
      const passwordHash = await hashPassword(input.password, options.passwordCost);
      try {
        const [employer] = await db
          .insert(employers)
          .values({ creditCode, name, contactName, contactMobile, passwordHash, createdAt: clock.now() })
          .returning();
        if (!employer) throw new Error('insert returned no employer');
        return await issue({ role: 'EMPLOYER', subject: employer.creditCode }, employer);
      } catch (error) {
        if (sqlState(error) === SqlState.UNIQUE_VIOLATION) {
          throw new UserError(ErrorCode.CONFLICT, {
            zh: '该统一社会信用代码已注册，请直接登录',
            en: 'This unified social credit code already has an account; please sign in',
          });
        }
        throw error;
      }
    },

    /**
     * Signs an employer in with its credit code and password; UNAUTHENTICATED when either is wrong,
     * RATE_LIMITED after five failures for the code within 15 minutes, exactly as for learners.
     */
    employerSignIn: async (creditCodeInput: string, password: string): Promise<SignedIn<EmployerRow>> => {
      const creditCode = normaliseCreditCode(creditCodeInput);
      const account = `employer:${creditCode}`;
      await options.rateLimiter.reserve(SIGN_IN_LIMITS.failuresPerAccount, account);
      const [employer] = isValidCreditCode(creditCode)
        ? await db.select().from(employers).where(eq(employers.creditCode, creditCode))
        : [];
      const matches =
        (await verifyPassword(password.slice(0, MAX_PASSWORD), employer?.passwordHash ?? (await decoyHash()))) &&
        password.length <= MAX_PASSWORD;
      if (!employer || !matches) throw wrongEmployerCredentials();
      await options.rateLimiter.reset(SIGN_IN_LIMITS.failuresPerAccount, account);
      return issue({ role: 'EMPLOYER', subject: employer.creditCode }, employer);
    },

    /**
     * Replaces the signed-in employer's staff list: the ID numbers (GB 11643) of the professionals who
     * may register for its employer-run sessions. BAD_USER_INPUT naming the first invalid number, and
     * then nothing changes.
     */
    setEmployerStaff: async (caller: Caller | null, idNumbersInput: string[]): Promise<EmployerRow> => {
      const creditCode = requireAllowed('employerSelfService', caller).subject;
      if (idNumbersInput.length > MAX_EMPLOYER_STAFF) {
        throw badInput(
          { zh: `一次最多登记 ${MAX_EMPLOYER_STAFF} 名职工`, en: `List at most ${MAX_EMPLOYER_STAFF} staff at once` },
          'idNumbers',
        );
      }
      const today = shanghaiDay(clock.now());
      const idNumbers = [...new Set(idNumbersInput.map(normaliseIdNumber))];
      const invalid = idNumbers.findIndex((idNumber) => !isValidIdNumber(idNumber, today));
      if (invalid !== -1) {
        throw badInput(
          {
            zh: `第 ${invalid + 1} 个身份证号码无效，请核对`,
            en: `ID number ${invalid + 1} is not a valid resident ID number`,
          },
          'idNumbers',
        );
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [employer] = await tx.select().from(employers).where(eq(employers.creditCode, creditCode)).for('update');
        if (!employer) throw unauthenticated();
        await tx.delete(employerStaff).where(eq(employerStaff.creditCode, creditCode));
        if (idNumbers.length > 0) {
          await tx.insert(employerStaff).values(idNumbers.map((idNumber) => ({ creditCode, idNumber, listedAt: now })));
        }
        return employer;
      });
    },

    /** Signs a member of staff in; UNAUTHENTICATED when the username or password is wrong, RATE_LIMITED as for learners. */
    staffSignIn: async (username: string, password: string): Promise<SignedIn<StaffRow>> => {
      const name = username.trim().slice(0, 64);
      const account = `staff:${name}`;
      await options.rateLimiter.reserve(SIGN_IN_LIMITS.failuresPerAccount, account);
      // A username with NUL or other control characters matches no account (PostgreSQL text cannot hold NUL).
      const [member] =
        name.length > 0 && !hasControlCharacters(name) ? await db.select().from(staff).where(eq(staff.username, name)) : [];
      const matches =
        (await verifyPassword(password.slice(0, MAX_PASSWORD), member?.passwordHash ?? (await decoyHash()))) &&
        password.length <= MAX_PASSWORD;
      if (!member || !matches) throw wrongStaffCredentials();
      await options.rateLimiter.reset(SIGN_IN_LIMITS.failuresPerAccount, account);
      return issue(
        { role: member.role, subject: member.username, ...(member.institution ? { institution: member.institution } : {}) },
        member,
      );
    },

    /**
     * Gives an ID number back to its owner when another account claimed it: the registrar only, after
     * checking the owner's identity. The claiming account is locked (it can no longer sign in; its
     * records stay) and the owner signs up with the number. Audited with who, when, why and how the
     * identity was checked. NOT_FOUND when no open account holds the number.
     */
    restoreIdNumber: async (caller: Caller | null, input: RestoreIdNumberInput): Promise<IdNumberRestorationRow> => {
      const registrar = requireAllowed('idNumberRestoration', caller);
      const idNumber = normaliseIdNumber(input.idNumber);
      if (!isValidIdNumber(idNumber, shanghaiDay(clock.now()))) {
        throw badInput({ zh: '身份证号码无效，请核对', en: 'This is not a valid resident ID number' }, 'idNumber');
      }
      const identityCheck = text(input.identityCheck, 'identityCheck', {
        min: 2,
        max: 200,
        zh: '请写明如何核实了本人身份（2–200 字）',
        en: 'Say how the owner’s identity was checked (2–200 characters)',
      });
      const reason = text(input.reason, 'reason', {
        min: 2,
        max: 500,
        zh: '请写明原因（2–500 字）',
        en: 'Give the reason (2–500 characters)',
      });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [claimant] = await tx
          .select()
          .from(learners)
          .where(and(eq(learners.idNumber, idNumber), isNull(learners.lockedAt)))
          .for('update');
        if (!claimant) throw notFound({ zh: '使用该身份证号码的账号', en: 'Account with this ID number' });
        await tx.update(learners).set({ lockedAt: now }).where(eq(learners.id, claimant.id));
        const [restoration] = await tx
          .insert(idNumberRestorations)
          .values({
            idNumber,
            lockedLearnerId: claimant.id,
            registrar: registrar.subject,
            identityCheck,
            reason,
            restoredAt: now,
          })
          .returning();
        if (!restoration) throw new Error('insert returned no restoration');
        return restoration;
      });
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
