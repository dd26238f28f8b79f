import { requireRole } from '@xueshi/subgraph-kit';
import type { InvoiceReversalResolvers } from '../generated/resolvers';

export const InvoiceReversal: InvoiceReversalResolvers = {
  document: (reversal, _args, context) =>
    context.services.documents.invoiceLink(reversal.id, requireRole(context.caller, 'LEARNER', 'REGISTRAR', 'INSTITUTION_STAFF')),
};
