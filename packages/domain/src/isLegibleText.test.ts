import { describe, expect, it } from 'vitest';
import { MAX_COMBINING_MARKS, isLegibleText } from './isLegibleText';

describe('isLegibleText', () => {
  it('accepts names and titles of any script, with the marks their writing uses', () => {
    for (const value of [
      '张三',
      '欧阳·娜娜',
      'Zoë O’Brien-Smith',
      'Nguyê\u0303n Văn A',
      'Nguyễn Thị Minh Khai',
      '김민준',
      'देवनागरी',
      'Ахмед',
      '上海交通大学 2021 年 3 号楼',
      '101',
      `e${'\u0301'.repeat(MAX_COMBINING_MARKS)}`,
    ]) {
      expect(isLegibleText(value), value).toBe(true);
    }
  });

  it('refuses text that prints blank: fillers, blank Braille, format characters, marks alone', () => {
    for (const value of [
      '',
      '   ',
      '\u3164',
      '\u3164\u3164\u3164',
      '\u115F\u1160',
      '\uFFA0',
      '\u2800\u2800',
      '\u200B',
      '\u200B\u200C\u200D\u2060\uFEFF',
      '\u0301'.repeat(39),
      '\u0301',
      '\u034F',
      '\uFE0F',
      '·-’',
      '...',
    ]) {
      expect(isLegibleText(value), JSON.stringify(value)).toBe(false);
    }
  });

  it('refuses invisible characters hidden among visible ones, and stacks of marks', () => {
    for (const value of [
      '张\u3164三',
      '张\u200B三',
      '\u2800张三',
      '\u0301张三',
      `e${'\u0301'.repeat(MAX_COMBINING_MARKS + 1)}`,
      `张三${'\u0336'.repeat(39)}`,
    ]) {
      expect(isLegibleText(value), JSON.stringify(value)).toBe(false);
    }
  });

  it('never throws on a value that is not a string', () => {
    expect(isLegibleText(42 as unknown as string)).toBe(false);
  });
});
