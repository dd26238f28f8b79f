import { UNPAID_HOLD_LIMITS } from '@xueshi/domain';
import type { UnpaidHoldLimits } from '@xueshi/domain';
import { SIGN_UP_LIMITS, createRateLimiter, createTokenSigner, memoryRateLimitStore } from '@xueshi/subgraph-kit';
import type { RateLimitRule } from '@xueshi/subgraph-kit';
import type { SubgraphDependencies } from '@xueshi/subgraph-kit';
import { testKeys } from '@xueshi/subgraph-kit/testing';
import type { PaymentProvider } from './payments/provider';
import { createSandboxProvider } from './payments/sandbox';
import type { SmsProvider } from './sms/provider';
import { createSandboxSms } from './sms/sandbox';
import { createInstitutionDirectory } from './services/institutionDirectory';
import { SESSION_FACTS_MAX_AGE_MS } from './services/sessionFactsCache';
import type { RegistryDependencies } from './subgraph';

/** Test-speed password hashing: the hash format records its cost, so verification is unaffected. */
export const TEST_PASSWORD_COST = 12;

const BACKGROUND_INTERVAL_MS = 60 * 60 * 1000;

/** The registry's own dependencies for a test: test keys, institutions at `institutionUrls`, a sandbox provider. */
export async function registryTestDependencies(
  base: SubgraphDependencies,
  options: {
    institutionUrls?: Record<string, string>;
    paymentProvider?: PaymentProvider;
    holdMinutes?: number;
    /** The demo's sign-ups per mobile unless given. */
    signUpPerMobile?: RateLimitRule;
    smsProvider?: SmsProvider;
    /** Off unless asked for, as in the embedded demo. */
    mobileVerificationRequired?: boolean;
    unpaidHoldLimits?: UnpaidHoldLimits;
    /** SESSION_FACTS_MAX_AGE_MS unless given, as in production. */
    sessionFactsMaxAgeMs?: number;
    /**
     * An hour unless given: suites drive the clock themselves and count the statements a request runs,
     * which a sweep or reconciliation firing in between would add to.
     */
    reconcileIntervalMs?: number;
    /** An hour unless given, for the same reason. */
    seatsMeasureIntervalMs?: number;
  } = {},
): Promise<Omit<RegistryDependencies, keyof SubgraphDependencies>> {
  const signer = await createTokenSigner((await testKeys()).privateJwk, base.clock);
  return {
    signer,
    directory: createInstitutionDirectory({
      urls: options.institutionUrls ?? {},
      signer,
      clock: base.clock,
      logger: base.logger,
    }),
    paymentProvider: options.paymentProvider ?? createSandboxProvider(),
    passwordCost: TEST_PASSWORD_COST,
    holdMinutes: options.holdMinutes ?? 30,
    unpaidHoldLimits: options.unpaidHoldLimits ?? UNPAID_HOLD_LIMITS,
    sessionFactsMaxAgeMs: options.sessionFactsMaxAgeMs ?? SESSION_FACTS_MAX_AGE_MS,
    tokenTtlSeconds: 30 * 60,
    sweepIntervalMs: BACKGROUND_INTERVAL_MS,
    reconcileIntervalMs: options.reconcileIntervalMs ?? BACKGROUND_INTERVAL_MS,
    seatsMeasureIntervalMs: options.seatsMeasureIntervalMs ?? BACKGROUND_INTERVAL_MS,
    publicUrl: 'http://localhost:4000',
    rateLimiter: createRateLimiter(memoryRateLimitStore(base.clock), base.clock),
    signUpPerMobile: options.signUpPerMobile ?? SIGN_UP_LIMITS.demo.perMobile,
    smsProvider: options.smsProvider ?? createSandboxSms(),
    mobileVerificationRequired: options.mobileVerificationRequired ?? false,
  };
}
