import { maskIdNumber, maskMobile, minutesToHours, registrationStatusAt } from '@xueshi/domain';
import { requireRole } from '@xueshi/subgraph-kit';
import type { Caller, Resolvers } from '@xueshi/subgraph-kit';
import type { RegistryContext } from '../context';
import type { InvoiceReversalRow, InvoiceRow, LearnerRow, PaymentRow, RegistrationRow } from '../db/schema';
import type { InvoiceRequest } from '../services/invoices';
import { isUuid } from '../services/validation';
import { ownedReference } from './entities';
import { institutionByCode } from './institution';
import { requireOwnRecord } from './ledger';

/** Whether `caller` may see this learner's unmasked personal data: the learner and the registrar. */
const seesPersonalData = (caller: Caller | null, learner: LearnerRow) =>
  (caller?.role === 'LEARNER' && caller.subject === learner.id) || caller?.role === 'REGISTRAR';

export const learnerResolvers: Resolvers<RegistryContext> = {
  Query: {
    me: (_root: unknown, _args: unknown, context: RegistryContext) =>
      context.caller?.role === 'LEARNER' ? context.loaders.learner.load(context.caller.subject) : null,
    learner: (_root: unknown, args: { id: string }, context: RegistryContext) => {
      requireRole(context.caller, 'REGISTRAR');
      return isUuid(args.id) ? context.loaders.learner.load(args.id) : null;
    },
  },
  Mutation: {
    register: async (_root: unknown, args: { sessionId: string }, context: RegistryContext) => {
      await context.services.mobileVerification.requireVerified(context.caller);
      return context.services.registrations.register(context.caller, args.sessionId);
    },
    pay: async (_root: unknown, args: { registrationId: string; idempotencyKey: string }, context: RegistryContext) => {
      await context.services.mobileVerification.requireVerified(context.caller);
      return context.services.payments.pay(context.caller, args.registrationId, args.idempotencyKey);
    },
    withdraw: (_root: unknown, args: { registrationId: string }, context: RegistryContext) =>
      context.services.registrations.withdraw(context.caller, args.registrationId),
    requestInvoice: (_root: unknown, args: { input: InvoiceRequest }, context: RegistryContext) =>
      context.services.invoices.request(context.caller, args.input),
    setCycleStartYear: (
      _root: unknown,
      args: { learnerId: string; startYear: number; reason: string },
      context: RegistryContext,
    ) => context.services.cycleStart.set(context.caller, args),
  },
  Learner: {
    cycleStartYearChanges: (learner: LearnerRow, _args: unknown, context: RegistryContext) => {
      requireOwnRecord(context.caller, learner);
      return context.loaders.cycleStartYearChangesByLearner.load(learner.id);
    },
    idNumber: (learner: LearnerRow, _args: unknown, context: RegistryContext) =>
      seesPersonalData(context.caller, learner) ? learner.idNumber : null,
    idNumberMasked: (learner: LearnerRow) => maskIdNumber(learner.idNumber),
    mobile: (learner: LearnerRow, _args: unknown, context: RegistryContext) =>
      seesPersonalData(context.caller, learner) ? learner.mobile : null,
    mobileMasked: (learner: LearnerRow) => maskMobile(learner.mobile),
    mobileVerified: (learner: LearnerRow) => learner.mobileVerifiedAt !== null,
    registrations: (learner: LearnerRow, _args: unknown, context: RegistryContext) => {
      requireOwnRecord(context.caller, learner);
      return context.loaders.registrationsByLearner.load(learner.id);
    },
  },
  Registration: {
    status: (registration: RegistrationRow, _args: unknown, context: RegistryContext) =>
      registrationStatusAt(registration, context.clock.now()),
    hours: (registration: RegistrationRow) => minutesToHours(registration.minutes),
    session: (registration: RegistrationRow) => ownedReference(registration.sessionId, 'session'),
    course: (registration: RegistrationRow) => ownedReference(registration.courseId, 'course'),
    payments: (registration: RegistrationRow, _args: unknown, context: RegistryContext) =>
      context.loaders.paymentsByRegistration.load(registration.id),
  },
  Payment: {
    registration: async (payment: PaymentRow, _args: unknown, context: RegistryContext) =>
      context.loaders.registration.load(payment.registrationId),
    invoice: (payment: PaymentRow, _args: unknown, context: RegistryContext) => context.loaders.invoiceByPayment.load(payment.id),
  },
  Invoice: {
    issuer: (invoice: InvoiceRow) => institutionByCode(invoice.institution),
    document: (invoice: InvoiceRow, _args: unknown, context: RegistryContext) =>
      context.services.documents.invoiceLink(
        invoice.id,
        requireRole(context.caller, 'LEARNER', 'REGISTRAR', 'INSTITUTION_STAFF'),
      ),
    reversal: (invoice: InvoiceRow, _args: unknown, context: RegistryContext) =>
      context.loaders.reversalByInvoice.load(invoice.id),
  },
  InvoiceReversal: {
    document: (reversal: InvoiceReversalRow, _args: unknown, context: RegistryContext) =>
      context.services.documents.invoiceLink(
        reversal.id,
        requireRole(context.caller, 'LEARNER', 'REGISTRAR', 'INSTITUTION_STAFF'),
      ),
  },
};
