const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Whether `mobile` is a mainland 11-digit mobile number (1[3-9] and nine digits, no spaces or +86); never throws. */
export function isValidMobile(mobile: string): boolean {
  return typeof mobile === 'string' && MOBILE_PATTERN.test(mobile);
}
