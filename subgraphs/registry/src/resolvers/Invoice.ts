import { institution } from '@xueshi/institutions';
import type { InvoiceResolvers } from '../generated/resolvers';
import { requireRuleRoleOf } from '../policy';

export const Invoice: InvoiceResolvers = {
  issuer: (invoice) => institution(invoice.institution),
  document: (invoice, _args, context) =>
    context.services.documents.invoiceLink(invoice.id, requireRuleRoleOf('invoiceDocument', context.caller)),
  reversal: (invoice, _args, context) => context.loaders.reversalByInvoice.load(invoice.id),
};
