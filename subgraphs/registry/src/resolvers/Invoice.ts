import { institution } from '@xueshi/institutions';
import { requireRole } from '@xueshi/subgraph-kit';
import type { InvoiceResolvers } from '../generated/resolvers';

export const Invoice: InvoiceResolvers = {
  issuer: (invoice) => institution(invoice.institution),
  document: (invoice, _args, context) =>
    context.services.documents.invoiceLink(invoice.id, requireRole(context.caller, 'LEARNER', 'REGISTRAR', 'INSTITUTION_STAFF')),
  reversal: (invoice, _args, context) => context.loaders.reversalByInvoice.load(invoice.id),
};
