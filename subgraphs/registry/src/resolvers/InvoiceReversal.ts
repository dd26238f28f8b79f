import type { InvoiceReversalResolvers } from '../generated/resolvers';
import { requireRuleRoleOf } from '../policy';

export const InvoiceReversal: InvoiceReversalResolvers = {
  document: (reversal, _args, context) =>
    context.services.documents.invoiceLink(reversal.id, requireRuleRoleOf('invoiceDocument', context.caller)),
};
