import { referenced } from '@xueshi/subgraph-kit';
import type { PaymentResolvers } from '../generated/resolvers';

export const Payment: PaymentResolvers = {
  registration: (payment, _args, context) =>
    referenced(context.loaders.registration.load(payment.registrationId), 'Payment.registration'),
  invoice: (payment, _args, context) => context.loaders.invoiceByPayment.load(payment.id),
};
