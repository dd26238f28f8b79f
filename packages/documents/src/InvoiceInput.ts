import { isValidCreditCode } from '@xueshi/domain';
import { requireDay, requireText } from './requireText';

/** Who the invoice is made out to: a person by name, or an organisation by title and credit code. */
export type InvoiceBuyer =
  | { readonly kind: 'PERSONAL'; readonly name: string }
  | {
      readonly kind: 'ORGANISATION';
      /** The invoice title (抬头). */
      readonly title: string;
      /** Unified social credit code (统一社会信用代码), GB 32100. */
      readonly creditCode: string;
    };

/** One line of the invoice. */
export interface InvoiceItem {
  readonly description: string;
  /** A positive whole number of fen. */
  readonly amountFen: number;
}

/** What an electronic ordinary invoice (电子普通发票) shows; the issue day is given, never read from a clock. */
export interface InvoiceInput {
  readonly invoiceNumber: string;
  /** YYYY-MM-DD. */
  readonly issuedOn: string;
  /** The institution that ran the course issues the invoice (上海交通大学). */
  readonly seller: { readonly name: string };
  readonly buyer: InvoiceBuyer;
  readonly items: readonly InvoiceItem[];
  /** Must equal the sum of the items. */
  readonly totalFen: number;
  /** The payment the invoice is for, printed in the remarks (备注). */
  readonly paymentReference: string;
  /**
   * For a reversing invoice (红字发票): the original invoice's number and why it is reversed. Its amounts
   * are given positive and printed negative.
   */
  readonly reverses?: { readonly invoiceNumber: string; readonly reason: string } | undefined;
}

function requireFen(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`${field} must be a positive whole number of fen, got ${String(value)}`);
  }
  return value;
}

/**
 * Checks everything the invoice prints: texts present, a real issue day, at least one item, positive
 * whole-fen amounts whose sum is the total, and a valid credit code for an organisation; throws
 * RangeError naming the first offending field.
 */
export function validateInvoiceInput(input: InvoiceInput): void {
  requireText(input.invoiceNumber, 'invoiceNumber');
  requireDay(input.issuedOn, 'issuedOn');
  requireText(input.seller.name, 'seller.name');
  requireText(input.paymentReference, 'paymentReference');
  if (input.reverses) {
    requireText(input.reverses.invoiceNumber, 'reverses.invoiceNumber');
    requireText(input.reverses.reason, 'reverses.reason');
  }
  const { buyer } = input;
  if (buyer.kind === 'PERSONAL') {
    requireText(buyer.name, 'buyer.name');
  } else if (buyer.kind === 'ORGANISATION') {
    requireText(buyer.title, 'buyer.title');
    if (!isValidCreditCode(buyer.creditCode)) {
      throw new RangeError(`buyer.creditCode is not a valid unified social credit code: ${String(buyer.creditCode)}`);
    }
  } else {
    throw new RangeError(`buyer.kind must be PERSONAL or ORGANISATION, got ${String((buyer as { kind: unknown }).kind)}`);
  }
  if (input.items.length === 0) throw new RangeError('items must not be empty');
  let sum = 0;
  input.items.forEach((item, i) => {
    requireText(item.description, `items[${i}].description`);
    sum += requireFen(item.amountFen, `items[${i}].amountFen`);
  });
  const total = requireFen(input.totalFen, 'totalFen');
  if (!Number.isSafeInteger(sum) || sum !== total) {
    throw new RangeError(`totalFen ${total} is not the sum of the items (${sum})`);
  }
}
