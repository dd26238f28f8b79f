import { beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceInput } from './InvoiceInput';
import { renderInvoice } from './renderInvoice';
import { sampleInvoice } from './testing/fixtures';
import { pdfText, type PdfText } from './testing/pdfText';

describe('renderInvoice', () => {
  describe('for an organisation', () => {
    let pdf: Buffer;
    let extracted: PdfText;

    beforeAll(async () => {
      pdf = await renderInvoice(sampleInvoice());
      extracted = await pdfText(pdf);
    });

    it('is a one-page PDF of modest size dated the issue day', () => {
      expect(extracted.numPages).toBe(1);
      expect(pdf.length).toBeLessThan(200 * 1024);
      // 2021-03-02 00:00 in Shanghai.
      expect(pdf.toString('latin1')).toContain('(D:20210301160000Z)');
    });

    it('prints the title, number, day, seller, buyer title and credit code', () => {
      const lines = extracted.pages.flat();
      expect(lines[0]).toBe('电子普通发票');
      expect(lines).toContain('发票号码：24312000000012345678 开票日期：2021-03-02');
      expect(lines).toContain('购买方信息 销售方信息');
      expect(lines).toContain('名称：上海某某科技有限公司 名称：上海交通大学');
      expect(lines).toContain('统一社会信用代码/纳税人识别号：91310000132149237G');
    });

    it('prints the items, the total in figures and in capitals, and the payment', () => {
      const lines = extracted.pages.flat();
      expect(lines).toContain('序号 项目名称 金额');
      expect(lines).toContain('1 公需科目培训费（数据分析基础） ¥240.00');
      expect(lines).toContain('合计 ¥240.00');
      expect(lines).toContain('价税合计（大写）：贰佰肆拾元整');
      expect(lines).toContain('（小写）：¥240.00');
      expect(lines).toContain('备注：支付流水号 PAY-20210302-000123');
      expect(lines.at(-1)).toBe('发票号码 24312000000012345678 第 1 页，共 1 页');
    });
  });

  it('makes out a personal invoice to the name, without a credit code', async () => {
    const input: InvoiceInput = {
      ...sampleInvoice(),
      buyer: { kind: 'PERSONAL', name: '李四' },
      items: [
        { description: '公需科目培训费（知识产权基础）', amountFen: 12000 },
        { description: '教材费', amountFen: 50 },
      ],
      totalFen: 12050,
    };
    const lines = (await pdfText(await renderInvoice(input))).pages.flat();
    expect(lines).toContain('名称：李四 名称：上海交通大学');
    expect(lines).toContain('1 公需科目培训费（知识产权基础） ¥120.00');
    expect(lines).toContain('2 教材费 ¥0.50');
    expect(lines).toContain('合计 ¥120.50');
    expect(lines).toContain('价税合计（大写）：壹佰贰拾元伍角');
    expect(lines.join('\n')).not.toContain('统一社会信用代码');
  });

  it('rejects with RangeError for an invoice it must not issue', async () => {
    const base = sampleInvoice();
    const bad: InvoiceInput[] = [
      { ...base, totalFen: 24001 },
      { ...base, items: [], totalFen: 0 },
      { ...base, items: [{ description: '培训费', amountFen: 240.5 }], totalFen: 240.5 },
      { ...base, items: [{ description: '培训费', amountFen: -24000 }], totalFen: -24000 },
      { ...base, buyer: { kind: 'ORGANISATION', title: '上海某某科技有限公司', creditCode: '91310000132149237A' } },
      { ...base, buyer: { kind: 'ORGANISATION', title: '', creditCode: '91310000132149237G' } },
      { ...base, buyer: { kind: 'PERSONAL', name: '' } },
      { ...base, issuedOn: '2021-13-01' },
      { ...base, seller: { name: '' } },
      { ...base, invoiceNumber: '' },
      { ...base, reverses: { invoiceNumber: '', reason: '退课退款' } },
      { ...base, reverses: { invoiceNumber: '20210500000001', reason: ' ' } },
    ];
    for (const candidate of bad) await expect(renderInvoice(candidate), JSON.stringify(candidate)).rejects.toThrow(RangeError);
  });

  it('prints a reversing invoice (红字发票) negative, naming the invoice it reverses', async () => {
    const lines = (
      await pdfText(
        await renderInvoice({
          ...sampleInvoice(),
          invoiceNumber: '20210500000002',
          reverses: { invoiceNumber: '24312000000012345678', reason: '退课退款' },
        }),
      )
    ).pages.flat();
    expect(lines[0]).toBe('电子普通发票（红字）');
    expect(lines).toContain('1 公需科目培训费（数据分析基础） -¥240.00');
    expect(lines).toContain('价税合计（大写）：负贰佰肆拾元整');
    expect(lines).toContain('（小写）：-¥240.00');
    expect(lines).toContain('对应蓝字发票号码：24312000000012345678；红冲原因：退课退款');
  });
});
