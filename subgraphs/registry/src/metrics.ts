import { parseOwnedId } from '@xueshi/institutions';
import { outcomeLabel } from '@xueshi/subgraph-kit';
import type { ApolloServerPlugin, Metrics } from '@xueshi/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { RegistryContext } from './context';
import type { PaymentRow, RegistrationRow } from './db/schema';

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
      executionDidStart: async () => ({
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
      }),
    }),
  };
}
