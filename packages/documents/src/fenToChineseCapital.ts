const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const TEN_THOUSAND = 10_000;
const HUNDRED_MILLION = 100_000_000;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

// 1..9999 with one 零 for any run of zeros between two non-zero digits; 10 is 壹拾, never 拾, so
// that nothing can be written in front of it.
function belowTenThousand(n: number): string {
  let out = '';
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    out += digit(d) + PLACES[place];
  }
  return out;
}

// A positive whole number of yuan; a group below its leading digit's place is joined with 零.
function wholeYuan(n: number): string {
  if (n >= HUNDRED_MILLION) {
    const high = Math.floor(n / HUNDRED_MILLION);
    const low = n % HUNDRED_MILLION;
    if (low === 0) return `${wholeYuan(high)}亿`;
    return `${wholeYuan(high)}亿${low < HUNDRED_MILLION / 10 ? '零' : ''}${wholeYuan(low)}`;
  }
  if (n >= TEN_THOUSAND) {
    const high = Math.floor(n / TEN_THOUSAND);
    const low = n % TEN_THOUSAND;
    if (low === 0) return `${belowTenThousand(high)}万`;
    return `${belowTenThousand(high)}万${low < TEN_THOUSAND / 10 ? '零' : ''}${belowTenThousand(low)}`;
  }
  return belowTenThousand(n);
}

/**
 * An amount in fen in Chinese capital numerals as written on invoices (大写): 24000 → 贰佰肆拾元整,
 * 12050 → 壹佰贰拾元伍角, 100500 → 壹仟零伍元整, 1000001 → 壹万元零壹分, 50 → 伍角, 0 → 零元整, a
 * negative amount prefixed 负; throws RangeError unless `fen` is a safe integer.
 */
export function fenToChineseCapital(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`An amount in fen must be a whole number, got ${fen}`);
  if (fen < 0) return `负${fenToChineseCapital(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = yuan > 0 ? `${wholeYuan(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  // The payment-instrument rules let 零 after 元 be omitted when 角 is not zero, and require it when
  // 角 is zero but 分 is not (壹万元零壹分); below one yuan nothing stands before the 角 or 分.
  if (jiao > 0) out += `${digit(jiao)}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += `${digit(fenDigit)}分`;
  return out;
}
