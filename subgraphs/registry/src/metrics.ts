import { parseOwnedId } from '@xueshi/institutions';
import { outcomeLabel } from '@xueshi/subgraph-kit';
import type { ApolloServerPlugin, Logger, Metrics } from '@xueshi/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { RegistryContext } from './context';
import type { PaymentRow, RegistrationRow } from './db/schema';
import type { SessionFill } from './services/busiestSessions';

const codeOf = (error: Error | null): string =>
  outcomeLabel(error instanceof GraphQLError ? error.extensions['code'] : error ? 'ERROR' : undefined);

/** The institution a session id names, for a label: only codes from the list, never what a client typed. */
const institutionOf = (sessionId: unknown): string =>
  (typeof sessionId === 'string' && parseOwnedId(sessionId)?.institution.code) || 'unknown';

/**
 * The registry's own counters, read from what each mutation resolved to, so the services stay free of
 * metrics: registrations taken and seats refused as full (by institution), payments by status,
 * outcomes reported (by result) and sign-ins refused (by who and why). No label names a learner.
 */
export function registryMetricsPlugin(metrics: Metrics): ApolloServerPlugin<RegistryContext> {
  const taken = metrics.counter('xueshi_registrations_taken_total', 'Registrations taken (seat held)', ['institution']);
  const full = metrics.counter('xueshi_seats_refused_full_total', 'Registrations refused because the session was full', [
    'institution',
  ]);
  const payments = metrics.counter('xueshi_payments_total', 'Payments answered, by status', ['status']);
  const outcomes = metrics.counter('xueshi_outcomes_reported_total', 'Outcomes reported, by the status they gave', ['status']);
  const signIns = metrics.counter('xueshi_sign_ins_refused_total', 'Sign-ins refused, by who tried and the error code', [
    'who',
    'code',
  ]);
  const reported = (registrations: RegistrationRow[]) => {
    for (const registration of registrations) outcomes.inc({ status: registration.status });
  };

  return {
    requestDidStart: async () => ({
      // Only mutations are counted: a query then resolves its fields without a hook on each (ADR 0039).
      executionDidStart: async ({ operation }) =>
        operation?.operation !== 'mutation'
          ? undefined
          : {
              willResolveField: ({ info, args }) => {
                if (info.parentType.name !== 'Mutation') return undefined;
                return (error, result) => {
                  switch (info.fieldName) {
                    case 'register':
                      if (!error) taken.inc({ institution: (result as RegistrationRow).institution });
                      else if (codeOf(error) === 'SESSION_FULL') full.inc({ institution: institutionOf(args['sessionId']) });
                      return;
                    case 'pay':
                      if (!error) payments.inc({ status: (result as PaymentRow).status });
                      return;
                    case 'reportOutcome':
                    case 'reportCoursewareCompletion':
                      if (!error) reported([result as RegistrationRow]);
                      return;
                    case 'reportOutcomes':
                    case 'reportOutcomesCsv':
                      if (!error) reported(result as RegistrationRow[]);
                      return;
                    case 'signIn':
                    case 'staffSignIn':
                      if (error) signIns.inc({ who: info.fieldName === 'signIn' ? 'learner' : 'staff', code: codeOf(error) });
                      return;
                  }
                };
              },
            },
    }),
  };
}

/**
 * Seats left on the busiest sessions still to start, labelled by institution and session id only: at
 * most BUSIEST_SESSIONS series. Measured in the background (`measure`), not at each scrape: a scrape
 * would otherwise wait on every institution's answer and show its own statements in flight. A failed
 * measurement keeps the previous one, and is logged.
 */
export function seatsLeftGauge(
  metrics: Metrics,
  busiest: () => Promise<SessionFill[]>,
  logger: Logger,
): { measure(): Promise<void> } {
  let measured: SessionFill[] = [];
  metrics.gauge(
    'xueshi_session_seats_left',
    'Seats left on the fullest sessions still to start, of those holding the most seats',
    ['institution', 'session'],
    async (gauge) => {
      for (const session of measured) {
        gauge.set({ institution: session.institution, session: session.sessionId }, session.capacity - session.held);
      }
    },
  );
  return {
    measure: async () => {
      try {
        measured = await busiest();
      } catch (error) {
        logger.warn({ err: error }, 'seats left on the busiest sessions not measured');
      }
    },
  };
}
