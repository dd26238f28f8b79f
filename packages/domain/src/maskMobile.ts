import { maskKeeping } from './maskKeeping';

/**
 * A mobile number for display: trimmed, first 3 and last 4 kept, the rest '*' (138****5678); never
 * fails, and a value of 7 characters or fewer is starred whole.
 */
export function maskMobile(mobile: string): string {
  return maskKeeping(mobile.trim(), 3, 4);
}
