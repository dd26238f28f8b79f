import { describe, expect, it } from 'vitest';
import { fenToChineseCapital } from './fenToChineseCapital';

const DIGIT_VALUES: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
const SMALL_UNITS: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

// An independent reading of the capitals back into fen, to check every generated value round-trips.
function parseSection(text: string): number {
  let total = 0;
  let pending = 0;
  for (const ch of text) {
    if (ch in DIGIT_VALUES) pending = DIGIT_VALUES[ch] ?? 0;
    else if (ch in SMALL_UNITS) {
      total += pending * (SMALL_UNITS[ch] ?? 0);
      pending = 0;
    } else throw new Error(`unexpected ${ch} in ${text}`);
  }
  return total + pending;
}

function parseYuan(text: string): number {
  const yi = text.lastIndexOf('亿');
  if (yi >= 0) return parseYuan(text.slice(0, yi)) * 100_000_000 + parseYuan(text.slice(yi + 1));
  const wan = text.lastIndexOf('万');
  if (wan >= 0) return parseSection(text.slice(0, wan)) * 10_000 + parseSection(text.slice(wan + 1));
  return parseSection(text);
}

function parseCapital(text: string): number {
  if (text.startsWith('负')) return -parseCapital(text.slice(1));
  const match = /^(?:(.+)元)?(?:零)?(?:(.)角)?(?:(.)分)?(整)?$/u.exec(text);
  if (match === null) throw new Error(`not an amount: ${text}`);
  const [, yuan = '', jiao, fen] = match;
  return (
    parseYuan(yuan) * 100 +
    (jiao === undefined ? 0 : (DIGIT_VALUES[jiao] ?? 0) * 10) +
    (fen === undefined ? 0 : (DIGIT_VALUES[fen] ?? 0))
  );
}

describe('fenToChineseCapital', () => {
  it.each([
    [24000, '贰佰肆拾元整'],
    [12050, '壹佰贰拾元伍角'],
    [100500, '壹仟零伍元整'],
    [1000001, '壹万元零壹分'],
    [12000, '壹佰贰拾元整'],
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [15, '壹角伍分'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [110, '壹元壹角'],
    [1000, '壹拾元整'],
    [1500, '壹拾伍元整'],
    [2000, '贰拾元整'],
    [10100, '壹佰零壹元整'],
    [11000, '壹佰壹拾元整'],
    [100000, '壹仟元整'],
    [140950, '壹仟肆佰零玖元伍角'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [1001000, '壹万零壹拾元整'],
    [1010000, '壹万零壹佰元整'],
    [1100000, '壹万壹仟元整'],
    [10001000, '壹拾万零壹拾元整'],
    [10070000, '壹拾万零柒佰元整'],
    [100000000, '壹佰万元整'],
    [100000100, '壹佰万零壹元整'],
    [10000000000, '壹亿元整'],
    [10000000100, '壹亿零壹元整'],
    [10001000000, '壹亿零壹万元整'],
    [11000000000, '壹亿壹仟万元整'],
    [100000000000000, '壹万亿元整'],
    [100000000000500, '壹万亿零伍元整'],
    [123456789012, '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
    [-12050, '负壹佰贰拾元伍角'],
  ])('%d fen is %s', (fen, expected) => {
    expect(fenToChineseCapital(fen)).toBe(expected);
  });

  it('round-trips and keeps the writing rules for many amounts', () => {
    let seed = 20210222;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const amounts: number[] = [];
    for (let i = 0; i < 3000; i++) amounts.push(Math.floor(random() * 10 ** (1 + Math.floor(random() * 15))));
    // Sparse digits give the most zeros in the middle.
    for (let i = 0; i < 2000; i++) {
      let fen = 0;
      for (let place = 0; place < 15; place++) if (random() < 0.2) fen += Math.floor(random() * 10) * 10 ** place;
      amounts.push(fen);
    }
    for (const fen of amounts) {
      const text = fenToChineseCapital(fen);
      expect(parseCapital(text), `${fen} → ${text}`).toBe(fen);
      if (fen > 0) expect(text, `${fen}`).not.toMatch(/零零|零[万亿元角分整]|^零|[拾佰仟万亿]元?$/u);
      expect(text.endsWith('整'), `${fen} → ${text}`).toBe(fen % 100 === 0);
      if (Math.floor(fen / 10) % 10 === 0 && fen % 10 !== 0 && fen >= 100) expect(text, `${fen}`).toContain('元零');
      // 10..19 yuan keep their 壹: a bare 拾 at the start could be altered into a larger amount.
      expect(text, `${fen}`).not.toMatch(/^拾|[零万亿]拾/u);
    }
  });

  it('throws RangeError for anything but a safe integer', () => {
    for (const fen of [1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, -Infinity, 2 ** 53, '100' as unknown as number]) {
      expect(() => fenToChineseCapital(fen), String(fen)).toThrow(RangeError);
    }
  });
});
