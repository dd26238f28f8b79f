import { beforeAll, describe, expect, it } from 'vitest';
import { renderTrainingRequestForm } from './renderTrainingRequestForm';
import type { TrainingRequestFormInput } from './renderTrainingRequestForm';
import { pdfText } from './testing/pdfText';

const input: TrainingRequestFormInput = {
  requestId: '4b0f3c1e-8f65-4c7d-9d4c-1f0e5a6b7c8d',
  employerName: '上海测试电气有限公司',
  creditCode: '91310115MA1H7DKQ0N',
  courseTitle: '数据分析基础',
  institutionName: '上海交通大学',
  hours: 12,
  firstDay: '2021-04-15',
  lastDay: '2021-04-16',
  headcount: 40,
  venue: '上海市闵行区测试路 1 号 职工培训中心',
  contactName: '王芳',
  contactMobile: '13700001111',
  filedOn: '2021-03-15',
};

describe('renderTrainingRequestForm', () => {
  let pdf: Buffer;
  let lines: string[];

  beforeAll(async () => {
    pdf = await renderTrainingRequestForm(input);
    lines = (await pdfText(pdf)).pages.flat();
  });

  it('is a PDF dated the filing day, titled as the plan names the form', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('(D:20210314160000Z)');
    expect(lines[0]).toBe('公需科目继续教育培训需求表');
  });

  it('prints what the employer filed and leaves room for its stamp', () => {
    expect(lines).toContain('单位名称 上海测试电气有限公司');
    expect(lines).toContain('统一社会信用代码 91310115MA1H7DKQ0N');
    expect(lines).toContain('培训课程 数据分析基础（必修，12 学时）');
    expect(lines).toContain('培训日期 2021-04-15 至 2021-04-16');
    expect(lines).toContain('预计参训人数 40 人');
    expect(lines).toContain('联系电话 13700001111');
    expect(lines.some((line) => line.startsWith('单位（盖章）：'))).toBe(true);
  });

  it('refuses a form missing a field', async () => {
    await expect(renderTrainingRequestForm({ ...input, venue: ' ' })).rejects.toThrow(RangeError);
    await expect(renderTrainingRequestForm({ ...input, firstDay: '2021-02-30' })).rejects.toThrow(RangeError);
  });
});
