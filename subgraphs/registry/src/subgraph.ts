import { fileURLToPath } from 'node:url';
import type { UnpaidHoldLimits } from '@xueshi/domain';
import { createMetrics, loadTypeDefs } from '@xueshi/subgraph-kit';
import type { RateLimitRule, RateLimiter, SubgraphDependencies, SubgraphService, TokenSigner } from '@xueshi/subgraph-kit';
import type { RegistryContext, RegistryServices } from './context';
import { createRegistryLoaders } from './loaders';
import type { PaymentProvider } from './payments/provider';
import type { SmsProvider } from './sms/provider';
import { resolvers } from './resolvers';
import { demoPasswordProblems } from './production';
import { seed } from './seed';
import { createDocuments } from './services/documents';
import { createIdentity } from './services/identity';
import type { InstitutionDirectory } from './services/institutionDirectory';
import { createInvoices } from './services/invoices';
import { createMobileVerification } from './services/mobileVerification';
import { createCycleStart } from './services/cycleStart';
import { createOfficialCalendar } from './services/officialCalendar';
import { createCorrections } from './services/corrections';
import { createOutcomes } from './services/outcomes';
import { createOutcomesCsv } from './services/outcomesCsv';
import { createPayments } from './services/payments';
import { createRefunds } from './services/refunds';
import { createStatistics } from './services/statistics';
import { createFacts } from './services/facts';
import { registryMetricsPlugin, seatsLeftGauge } from './metrics';
import { createBusiestSessions } from './services/busiestSessions';
import { createTranscripts } from './services/transcripts';
import { createRegistrations } from './services/registrations';

export interface RegistryDependencies extends SubgraphDependencies {
  /** Signs learners' and staff's tokens, and the registry's own when it calls institutions. */
  signer: TokenSigner;
  /** Where the registry reads the facts institutions own. */
  directory: InstitutionDirectory;
  paymentProvider: PaymentProvider;
  /** scrypt cost (log2 N) for new password hashes. */
  passwordCost: number;
  /** How long an unpaid registration holds its seat. */
  holdMinutes: number;
  /** How far one learner's unpaid holds may go. */
  unpaidHoldLimits: UnpaidHoldLimits;
  /** How long session facts are kept without a notice of their change (ADR 0055). */
  sessionFactsMaxAgeMs: number;
  tokenTtlSeconds: number;
  /** How often lapsed holds and courseware are written down as EXPIRED. */
  sweepIntervalMs: number;
  /** How often payments and refunds a crash left unfinished are finished (also once at start). */
  reconcileIntervalMs: number;
  /** How often the seats left on the busiest sessions are measured for /metrics (also once at start). */
  seatsMeasureIntervalMs: number;
  /** Where the public reaches the gateway, printed on transcripts for verification. */
  publicUrl: string;
  rateLimiter: RateLimiter;
  /** Sign-ups one mobile may attempt: SIGN_UP_LIMITS.production's in production, the demo's otherwise. */
  signUpPerMobile: RateLimitRule;
  /** Sends one-time codes to learners' mobiles. */
  smsProvider: SmsProvider;
  /** Whether learners must verify their mobile before registering or paying (MOBILE_VERIFICATION). */
  mobileVerificationRequired: boolean;
}

export const typeDefs = loadTypeDefs(
  new URL('./schema.graphql', import.meta.url),
  new URL('./generated.graphql', import.meta.url),
);

export const REGISTRY_MIGRATIONS = [
  { namespace: 'registry', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
];

/** Builds the registry's services from its dependencies. */
export function createRegistryServices(dependencies: RegistryDependencies): RegistryServices {
  const { database, clock, logger } = dependencies;
  const refunds = createRefunds({ db: database.db, clock, provider: dependencies.paymentProvider, logger });
  const registrations = createRegistrations({
    db: database.db,
    clock,
    directory: dependencies.directory,
    refunds,
    holdMinutes: dependencies.holdMinutes,
    unpaidHoldLimits: dependencies.unpaidHoldLimits,
    sessionFactsMaxAgeMs: dependencies.sessionFactsMaxAgeMs,
  });
  const transcripts = createTranscripts({ db: database.db, clock });
  const officialCalendar = createOfficialCalendar({ db: database.db, clock });
  const outcomes = createOutcomes({ db: database.db, clock, calendar: officialCalendar });
  return {
    identity: createIdentity({
      db: database.db,
      clock,
      signer: dependencies.signer,
      passwordCost: dependencies.passwordCost,
      tokenTtlSeconds: dependencies.tokenTtlSeconds,
      rateLimiter: dependencies.rateLimiter,
      signUpPerMobile: dependencies.signUpPerMobile,
    }),
    mobileVerification: createMobileVerification({
      db: database.db,
      clock,
      sms: dependencies.smsProvider,
      rateLimiter: dependencies.rateLimiter,
      required: dependencies.mobileVerificationRequired,
    }),
    registrations,
    payments: createPayments({
      db: database.db,
      clock,
      provider: dependencies.paymentProvider,
      registrations,
      refunds,
      logger,
    }),
    invoices: createInvoices({ db: database.db, clock }),
    outcomes,
    outcomesCsv: createOutcomesCsv(outcomes),
    corrections: createCorrections({ db: database.db, clock, calendar: officialCalendar }),
    officialCalendar,
    cycleStart: createCycleStart({ db: database.db, clock }),
    transcripts,
    statistics: createStatistics({ db: database.db }),
    facts: createFacts({ db: database.db }),
    documents: createDocuments({
      db: database.db,
      clock,
      signer: dependencies.signer,
      verifier: dependencies.verifier,
      logger,
      transcripts,
      rateLimiter: dependencies.rateLimiter,
      publicUrl: dependencies.publicUrl,
    }),
    directory: dependencies.directory,
  };
}

/** The registry (上海继教网): learners, sign-in, registrations, payments, invoices, the credit ledger. */
export const registrySubgraph: SubgraphService<RegistryContext, RegistryDependencies> = {
  name: 'registry',
  migrations: REGISTRY_MIGRATIONS,
  seed: (database, level, clock) => seed(database, level, clock),
  productionProblems: demoPasswordProblems,
  create: (dependencies) => {
    const services = createRegistryServices(dependencies);
    const metrics = createMetrics('registry');
    const seatsLeft = seatsLeftGauge(
      metrics,
      createBusiestSessions({ db: dependencies.database.db, clock: dependencies.clock, directory: dependencies.directory }),
      dependencies.logger,
    );
    let sweeper: NodeJS.Timeout | undefined;
    let reconciler: NodeJS.Timeout | undefined;
    let reconciling: Promise<void> | undefined;
    let seatsMeasurer: NodeJS.Timeout | undefined;
    let measuring: Promise<void> | undefined;
    const measureSeats = () => {
      measuring ??= seatsLeft.measure().finally(() => {
        measuring = undefined;
      });
    };
    // One round at a time: a round still running when the next is due lets it pass.
    const reconcile = () => {
      reconciling ??= services.payments
        .reconcile()
        .then(
          () => undefined,
          (error: unknown) => {
            dependencies.logger.error({ err: error }, 'payment reconciliation failed; the next round tries again');
          },
        )
        .finally(() => {
          reconciling = undefined;
        });
    };
    dependencies.paymentProvider.onNotification((notification) =>
      services.payments.notify(notification).catch((error: unknown) => {
        dependencies.logger.error({ err: error }, 'provider notification not recorded; reconciliation finds it');
      }),
    );
    return {
      name: 'registry',
      metrics,
      plugins: [registryMetricsPlugin(metrics)],
      typeDefs,
      resolvers,
      routes: services.documents.routes,
      database: dependencies.database,
      verifier: dependencies.verifier,
      logger: dependencies.logger,
      createContext: (caller) => ({
        caller,
        clock: dependencies.clock,
        loaders: createRegistryLoaders(dependencies.database.db, dependencies.clock),
        services,
      }),
      background: {
        start: () => {
          sweeper = setInterval(() => {
            services.registrations.expireLapsed().catch((error: unknown) => {
              dependencies.logger.error({ err: error }, 'expiry sweep failed');
            });
          }, dependencies.sweepIntervalMs);
          sweeper.unref();
          // A crash may have left payments the provider settled unrecorded: finish them now, then keep looking.
          reconcile();
          reconciler = setInterval(reconcile, dependencies.reconcileIntervalMs);
          reconciler.unref();
          measureSeats();
          seatsMeasurer = setInterval(measureSeats, dependencies.seatsMeasureIntervalMs);
          seatsMeasurer.unref();
        },
        stop: async () => {
          clearInterval(sweeper);
          clearInterval(reconciler);
          clearInterval(seatsMeasurer);
          await Promise.all([reconciling, measuring]);
        },
      },
    };
  },
};
