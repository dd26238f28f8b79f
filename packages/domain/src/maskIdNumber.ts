import { maskKeeping } from './maskKeeping';
import { normaliseIdNumber } from './normaliseIdNumber';

/**
 * The ID number for display to anyone but its owner and the registrar: normalised, first 3 and last 4
 * kept, the rest '*' (310***********123X); never fails, and a value of 7 characters or fewer is starred whole.
 */
export function maskIdNumber(idNumber: string): string {
  return maskKeeping(normaliseIdNumber(idNumber), 3, 4);
}
