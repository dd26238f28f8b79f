import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderTranscript } from './renderTranscript';
import { sampleEntries, sampleTranscript } from './testing/fixtures';
import { pdfText, type PdfText } from './testing/pdfText';
import type { TranscriptInput } from './TranscriptInput';

const HEADER_LINE = '序号 课程名称 实施机构 类别 学时 完成日期 记录日期';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function rowLine(input: TranscriptInput, i: number, hours: string): string {
  const entry = input.entries[i];
  if (entry === undefined) throw new Error(`no entry ${i}`);
  const category = entry.category === 'REQUIRED' ? '必修' : '选修';
  return `${i + 1} ${entry.courseTitle} ${entry.institutionName} ${category} ${hours} ${entry.completedOn} ${entry.visibleFrom}`;
}

describe('renderTranscript', () => {
  const input = sampleTranscript(sampleEntries(60));
  let pdf: Buffer;
  let extracted: PdfText;

  beforeAll(async () => {
    pdf = await renderTranscript(input);
    extracted = await pdfText(pdf);
  });

  it('is a small PDF with the title in its metadata and the issue day as its creation date', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(300 * 1024);
    const raw = pdf.toString('latin1');
    // 2024-01-05 00:00 in Shanghai is 2024-01-04 16:00 UTC; nothing depends on the clock.
    expect(raw).toContain('(D:20240104160000Z)');
    // Embedded as subsets (six-letter tag) with ToUnicode maps: the whole face would be 8 MB.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(raw).toMatch(/\/Subtype \/CIDFontType0C/);
    expect(raw).toMatch(/\/ToUnicode \d+ 0 R/);
  });

  it('prints the title, the learner and every course row with exact hours', () => {
    const lines = extracted.pages.flat();
    expect(lines[0]).toBe('上海市专业技术人员继续教育学时记录');
    expect(lines).toContain('（全部学时记录导出）');
    expect(lines).toContain('姓名：张三');
    expect(lines).toContain('身份证号码：310***********123X');
    expect(lines).toContain('工作单位：上海某某科技有限公司');
    for (let i = 0; i < input.entries.length; i++) {
      expect(lines).toContain(rowLine(input, i, i % 4 === 0 ? '4.5' : '0.3'));
    }
    expect(extracted.text).not.toMatch(/0\.30000|4\.49999/);
  });

  it('prints the cycle totals, the verdict with its shortfalls and how to verify', () => {
    const lines = extracted.pages.flat();
    expect(lines).toContain('周期学时汇总（2021—2023 年）');
    expect(lines).toContain('必修学时：40.5 学时（要求不少于 45 学时）');
    expect(lines).toContain('选修学时：30 学时');
    expect(lines).toContain('总学时：70.5 学时（要求不少于 90 学时）');
    expect(lines).toContain('分年度学时：2021 年 30 学时；2022 年 22.5 学时；2023 年 18 学时（年度目标 30 学时，仅供参考）');
    expect(lines).toContain('周期考核结论：未达标（必修学时尚差 4.5 学时，总学时尚差 19.5 学时）');
    expect(lines).toContain('出具日期：2024-01-05');
    expect(lines).toContain('验证码：XS7K-9QPM-2D4F');
    expect(lines).toContain('核验网址：https://xueshi.example.cn/verify');
  });

  it('continues the table over three pages, repeating the header and numbering every page', () => {
    expect(extracted.numPages).toBe(3);
    extracted.pages.forEach((lines, i) => {
      expect(lines, `page ${i + 1}`).toContain(HEADER_LINE);
      expect(lines.at(-1), `page ${i + 1}`).toBe(`验证码 XS7K-9QPM-2D4F 第 ${i + 1} 页，共 3 页`);
    });
    // Rows are printed once each, in order, and the page break falls between rows.
    const rows = extracted.pages.flat().filter((line) => /^\d+ \S+（第\d+讲）/.test(line));
    expect(rows.map((line) => Number(line.split(' ')[0]))).toEqual(input.entries.map((_, i) => i + 1));
  });

  it('fits a short transcript on one page and says 合格 for a compliant cycle', async () => {
    const short: TranscriptInput = {
      ...sampleTranscript(sampleEntries(3)),
      cycle: {
        ...input.cycle,
        requiredHours: 60,
        electiveHours: 30,
        totalHours: 90,
        compliant: true,
        requiredShortfall: 0,
        totalShortfall: 0,
      },
    };
    const text = await pdfText(await renderTranscript(short));
    expect(text.numPages).toBe(1);
    expect(text.pages[0]).toContain('周期考核结论：合格');
    expect(text.pages[0]).toContain('验证码 XS7K-9QPM-2D4F 第 1 页，共 1 页');
  });

  it('keeps long titles whole when they wrap inside their cell', async () => {
    const [entry] = sampleEntries(1);
    if (entry === undefined) throw new Error('no sample entry');
    const long = '“一带一路”倡议与上海国际化发展：新时代专业技术人员的机遇与挑战';
    const text = await pdfText(
      await renderTranscript(
        sampleTranscript([{ ...entry, courseTitle: long, institutionName: '国培网（北京创联教育投资有限公司）' }]),
      ),
    );
    // Below the header row (baseline y 659): the course column spans x 80–221, the institution column 221–345.
    const column = (from: number, to: number): string =>
      (text.runs[0] ?? [])
        .filter((run) => run.x >= from && run.x < to && run.y < 650 && run.y > 500)
        .sort((a, b) => b.y - a.y || a.x - b.x)
        .map((run) => run.str)
        .join('')
        .replace(/\s+/g, '');
    expect(text.pages[0]?.some((line) => line.startsWith('1 “一带一路”倡议'))).toBe(true);
    expect(column(80, 221)).toBe(long);
    expect(column(221, 345)).toBe('国培网（北京创联教育投资有限公司）');
  });

  it('says so when there is no record yet', async () => {
    const text = await pdfText(await renderTranscript(sampleTranscript([])));
    expect(text.pages[0]).toContain('暂无学时记录');
  });

  it('gives the same bytes for the same input', async () => {
    expect((await renderTranscript(input)).equals(pdf)).toBe(true);
  });

  it('rejects with RangeError for input it must not print', async () => {
    const base = sampleTranscript();
    const [entry] = base.entries;
    if (entry === undefined) throw new Error('no sample entry');
    const bad: TranscriptInput[] = [
      { ...base, learnerName: ' ' },
      { ...base, idNumberMasked: '31011519900101123X' },
      { ...base, issuedOn: '2024-02-30' },
      { ...base, verificationUrl: 'javascript:alert(1)' },
      { ...base, cycle: { ...base.cycle, compliant: true } },
      { ...base, cycle: { ...base.cycle, requiredHours: Number.NaN } },
      { ...base, entries: [{ ...entry, hours: -1 }] },
      { ...base, entries: [{ ...entry, category: 'OPTIONAL' as 'ELECTIVE' }] },
      { ...base, entries: [{ ...entry, completedOn: '2022/01/01' }] },
    ];
    for (const candidate of bad) await expect(renderTranscript(candidate)).rejects.toThrow(RangeError);
  });

  // A second extractor, when the machine has poppler: the ToUnicode maps must satisfy more than PDF.js.
  it.skipIf(!hasPdftotext())('extracts the same Chinese text with poppler pdftotext', () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcript-'));
    try {
      const file = join(dir, 'transcript.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('上海市专业技术人员继续教育学时记录');
      expect(text).toContain('周期考核结论：未达标（必修学时尚差 4.5 学时，总学时尚差 19.5 学时）');
      expect(text).toMatch(/60\s+网络安全基础（第60讲）\s+国培网\s+选修\s+0\.3\s+2022-12-04\s+2023-12-04/);
      expect(text.split('\f').filter((page) => page.trim() !== '')).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
