import { describe, expect, it } from 'vitest';
import { outcomeCsvRows, outcomeYesNo, splitCsv } from './outcomeCsv';

describe('splitCsv', () => {
  it('reads quoted cells, doubled quotes, CRLF and a BOM, and leaves out blank rows', () => {
    expect(splitCsv('\uFEFFa,"b, ""c"""\r\n\r\n,,\n"d\ne",f')).toEqual([
      ['a', 'b, "c"'],
      ['d\ne', 'f'],
    ]);
  });

  it('is null when a quote is never closed', () => {
    expect(splitCsv('a,"b\nc,d')).toBeNull();
  });
});

describe('outcomeYesNo', () => {
  it.each([
    ['是', true],
    [' Yes ', true],
    ['1', true],
    ['否', false],
    ['', false],
    ['不合格', false],
    ['maybe', null],
    ['2', null],
  ])('%j is %s', (cell, expected) => {
    expect(outcomeYesNo(cell)).toBe(expected);
  });
});

describe('outcomeCsvRows', () => {
  it('finds the columns by any of their names in any order and numbers rows as a spreadsheet does', () => {
    expect(
      outcomeCsvRows([
        ['姓名', '考试合格', 'Registration ID', '全程参加'],
        ['张三', '是', ' r1 ', '是'],
        ['李四', '合格?', 'r2', '否'],
      ]),
    ).toEqual([
      { line: 2, registrationId: 'r1', attendedFully: true, examPassed: true },
      { line: 3, registrationId: 'r2', attendedFully: false, examPassed: null },
    ]);
  });

  it('is null when a column is missing', () => {
    expect(
      outcomeCsvRows([
        ['报名编号', '全程参加'],
        ['r1', '是'],
      ]),
    ).toBeNull();
    expect(outcomeCsvRows([])).toBeNull();
  });
});
