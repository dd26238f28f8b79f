import { formatFen } from '@xueshi/domain';
import { DocumentWriter, type TableColumn } from './DocumentWriter';
import { fenToChineseCapital } from './fenToChineseCapital';
import { loadFonts } from './fonts';
import { validateInvoiceInput, type InvoiceBuyer, type InvoiceInput } from './InvoiceInput';

/** The invoice's title. */
export const INVOICE_TITLE = '电子普通发票';
/** A reversing invoice's title. */
export const REVERSING_INVOICE_TITLE = '电子普通发票（红字）';

const INVOICE_COLOR = '#8b2c1f';

function buyerLines(buyer: InvoiceBuyer): string {
  if (buyer.kind === 'PERSONAL') return `名称：${buyer.name}\n（个人）`;
  return `名称：${buyer.title}\n统一社会信用代码/纳税人识别号：${buyer.creditCode}`;
}

/**
 * The electronic ordinary invoice (电子普通发票) as A5 landscape PDF bytes, amounts as ¥240.00 and the
 * total also in capitals (贰佰肆拾元整); a reversing invoice (红字发票) prints them negative (-¥240.00,
 * 负贰佰肆拾元整) and names the invoice it reverses. Rejects with RangeError for invalid input (see
 * validateInvoiceInput) and with the underlying error if the font package cannot be read.
 */
export async function renderInvoice(input: InvoiceInput): Promise<Buffer> {
  validateInvoiceInput(input);
  const title = input.reverses ? REVERSING_INVOICE_TITLE : INVOICE_TITLE;
  const sign = input.reverses ? '-' : '';
  const amount = (fen: number) => `${sign}${formatFen(fen)}`;
  const fonts = await loadFonts();
  const w = new DocumentWriter(fonts, {
    title: `${title} ${input.invoiceNumber}`,
    subject: title,
    issuedOn: input.issuedOn,
    size: 'A5',
    layout: 'landscape',
    margin: 36,
    footerHeight: 18,
  });
  const width = w.contentWidth;

  w.paragraph(title, { size: 18, bold: true, align: 'center', color: INVOICE_COLOR, gapAfter: 6 });
  w.pair(`发票号码：${input.invoiceNumber}`, `开票日期：${input.issuedOn}`);
  w.gap(2);

  const parties: TableColumn[] = [
    { header: '购买方信息', width: width / 2 },
    { header: '销售方信息', width: width / 2 },
  ];
  w.table(parties, [[buyerLines(input.buyer), `名称：${input.seller.name}`]], { size: 9.5 });
  w.gap(8);

  const items: TableColumn[] = [
    { header: '序号', width: 40, align: 'center' },
    { header: '项目名称', width: width - 40 - 120 },
    { header: '金额', width: 120, align: 'right' },
  ];
  const rows = input.items.map((item, i) => [String(i + 1), item.description, amount(item.amountFen)]);
  rows.push(['', '合计', amount(input.totalFen)]);
  w.table(items, rows, { size: 9.5 });
  w.gap(8);

  w.paragraph(`价税合计（大写）：${input.reverses ? '负' : ''}${fenToChineseCapital(input.totalFen)}`, {
    bold: true,
    gapAfter: 2,
  });
  w.paragraph(`（小写）：${amount(input.totalFen)}`, { bold: true, gapAfter: 8 });
  w.paragraph(`备注：支付流水号 ${input.paymentReference}`, { size: 9.5 });
  if (input.reverses) {
    w.paragraph(`对应蓝字发票号码：${input.reverses.invoiceNumber}；红冲原因：${input.reverses.reason}`, { size: 9.5 });
  }
  w.paragraph(`开票方：${input.seller.name}`, { size: 9.5 });

  return w.finish((page, pageCount) => `发票号码 ${input.invoiceNumber}    第 ${page} 页，共 ${pageCount} 页`);
}
