import { UNPAID_HOLD_LIMITS } from '@xueshi/domain';
import {
  ConfigError,
  SIGN_UP_LIMITS,
  createRateLimiter,
  developmentKeyProblem,
  createTokenSigner,
  memoryRateLimitStore,
  redisRateLimitStore,
  runService,
  startSubgraphService,
} from '@xueshi/subgraph-kit';
import { institutionUrlsOf, readRegistryEnv } from './env';
import { crashingAfterCharge } from './payments/crashingAfterCharge';
import { createSandboxProvider } from './payments/sandbox';
import { createSandboxSms } from './sms/sandbox';
import { createInstitutionDirectory } from './services/institutionDirectory';
import { SEATS_MEASURE_INTERVAL_MS } from './services/busiestSessions';
import { SESSION_FACTS_MAX_AGE_MS } from './services/sessionFactsCache';
import { registrySubgraph } from './subgraph';

runService('registry', async () => {
  const env = readRegistryEnv(process.env);
  const keyProblem = env.NODE_ENV === 'production' ? developmentKeyProblem(env.JWT_PRIVATE_JWK, 'JWT_PRIVATE_JWK') : null;
  if (keyProblem) throw new ConfigError([keyProblem]);
  if (env.TEST_CRASH_AFTER_CHARGE && env.NODE_ENV !== 'test') {
    throw new ConfigError(['TEST_CRASH_AFTER_CHARGE: a fault the test suite injects, refused unless NODE_ENV=test']);
  }
  if (env.NODE_ENV === 'production' && env.MOBILE_VERIFICATION === 'off') {
    throw new ConfigError(['MOBILE_VERIFICATION=off is not allowed in production: learners must verify their mobile']);
  }
  const sandbox = createSandboxProvider({ ledgerFile: env.SANDBOX_LEDGER_FILE });
  return startSubgraphService(registrySubgraph, env, async ({ clock, logger }) => {
    const signer = await createTokenSigner(env.JWT_PRIVATE_JWK, clock);
    return {
      signer,
      directory: createInstitutionDirectory({ urls: institutionUrlsOf(env), signer, clock, logger }),
      paymentProvider: env.TEST_CRASH_AFTER_CHARGE ? crashingAfterCharge(sandbox) : sandbox,
      passwordCost: env.PASSWORD_HASH_COST,
      holdMinutes: env.HOLD_MINUTES,
      unpaidHoldLimits: UNPAID_HOLD_LIMITS,
      sessionFactsMaxAgeMs: SESSION_FACTS_MAX_AGE_MS,
      tokenTtlSeconds: env.TOKEN_TTL_MINUTES * 60,
      sweepIntervalMs: env.SWEEP_INTERVAL_SECONDS * 1000,
      reconcileIntervalMs: env.RECONCILE_INTERVAL_SECONDS * 1000,
      seatsMeasureIntervalMs: SEATS_MEASURE_INTERVAL_MS,
      publicUrl: env.PUBLIC_URL.replace(/\/$/, ''),
      rateLimiter: createRateLimiter(
        env.REDIS_URL ? await redisRateLimitStore(env.REDIS_URL, logger) : memoryRateLimitStore(clock),
        clock,
      ),
      smsProvider: createSandboxSms(env.NODE_ENV === 'production' ? undefined : logger),
      mobileVerificationRequired:
        (env.MOBILE_VERIFICATION ?? (env.NODE_ENV === 'production' ? 'required' : 'off')) === 'required',
      signUpPerMobile: (env.NODE_ENV === 'production' ? SIGN_UP_LIMITS.production : SIGN_UP_LIMITS.demo).perMobile,
    };
  });
});
