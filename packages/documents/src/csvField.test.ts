import { describe, expect, it } from 'vitest';
import { csvField } from './csvField';

describe('csvField', () => {
  it('leaves plain text, Chinese included, as it is', () => {
    expect(csvField('知识产权基础')).toBe('知识产权基础');
    expect(csvField('4.5')).toBe('4.5');
    expect(csvField('')).toBe('');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes and line breaks per RFC 4180, doubling inner quotes', () => {
    expect(csvField('上海大学,科技楼')).toBe('"上海大学,科技楼"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('prefixes a cell starting with %j with a single quote', (start) => {
    const field = csvField(`${start}HYPERLINK("http://evil.example","点我")`);
    expect(field.startsWith(`"'${start}`) || field.startsWith(`'${start}`)).toBe(true);
  });

  it('neutralises before quoting', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2,3')).toBe(`"'-2,3"`);
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
  });
});
