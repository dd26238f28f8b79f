import { describe, expect, it } from 'vitest';
import { sampleEntries, sampleTranscript } from './testing/fixtures';
import { transcriptCsv } from './transcriptCsv';

// Enough of RFC 4180 to read back what transcriptCsv writes: quoted fields, doubled quotes, CRLF records.
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text.charAt(i + 1) === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

describe('transcriptCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    const csv = transcriptCsv(sampleTranscript());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('lists every course under the column headers, then the totals', () => {
    const input = sampleTranscript(sampleEntries(60));
    const records = parseCsv(transcriptCsv(input).slice(1));
    expect(records[0]).toEqual(['序号', '课程名称', '实施机构', '类别', '学时', '完成日期', '记录日期']);
    input.entries.forEach((entry, i) => {
      expect(records[i + 1]).toEqual([
        String(i + 1),
        entry.courseTitle,
        entry.institutionName,
        entry.category === 'REQUIRED' ? '必修' : '选修',
        i % 4 === 0 ? '4.5' : '0.3',
        entry.completedOn,
        entry.visibleFrom,
      ]);
    });
    expect(records[61]).toEqual(['']);
    const totals = new Map(records.slice(62).map((record) => [record[0], record[1]]));
    expect(totals.get('姓名')).toBe('张三');
    expect(totals.get('身份证号码')).toBe('310***********123X');
    expect(totals.get('考核周期')).toBe('2021-2023');
    expect(totals.get('必修学时')).toBe('40.5');
    expect(totals.get('选修学时')).toBe('30');
    expect(totals.get('总学时')).toBe('70.5');
    expect(totals.get('2022年学时')).toBe('22.5');
    expect(totals.get('必修学时尚差')).toBe('4.5');
    expect(totals.get('总学时尚差')).toBe('19.5');
    expect(totals.get('周期考核结论')).toBe('未达标（必修学时尚差 4.5 学时，总学时尚差 19.5 学时）');
    expect(totals.get('验证码')).toBe('XS7K-9QPM-2D4F');
    expect(totals.get('出具日期')).toBe('2024-01-05');
  });

  it('quotes and neutralises hostile course data', () => {
    const [entry] = sampleEntries(1);
    if (entry === undefined) throw new Error('no sample entry');
    const input = sampleTranscript([
      { ...entry, courseTitle: '=HYPERLINK("http://evil.example","点我")' },
      { ...entry, courseTitle: '+cmd|"/c calc"!A1', institutionName: '上海大学,科技楼' },
      { ...entry, courseTitle: '-1+1', institutionName: '@SUM(A1)' },
      { ...entry, courseTitle: '第一行\n第二行' },
    ]);
    const csv = transcriptCsv(input);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(csv).toContain(`"'+cmd|""/c calc""!A1","上海大学,科技楼"`);
    expect(csv).toContain(`,'-1+1,'@SUM(A1),`);
    const records = parseCsv(csv.slice(1));
    expect(records[1]?.[1]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(records[2]?.[2]).toBe('上海大学,科技楼');
    expect(records[4]?.[1]).toBe('第一行\n第二行');
    for (const record of records) for (const field of record) expect(field, field).not.toMatch(/^[=+\-@]/);
  });

  it('throws RangeError for invalid input', () => {
    expect(() => transcriptCsv({ ...sampleTranscript(), idNumberMasked: '31011519900101123X' })).toThrow(RangeError);
  });
});
