const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CODE_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/**
 * Whether `code` is a GB 32100 unified social credit code (统一社会信用代码): 18 characters from the
 * code's upper-case alphabet (no I, O, S, V, Z) and a correct check character; never throws.
 */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || !CODE_PATTERN.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += CHARSET.indexOf(code.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHARSET.charAt((31 - (sum % 31)) % 31) === code.charAt(17);
}
