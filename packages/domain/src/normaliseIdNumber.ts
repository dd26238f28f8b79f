/** The canonical form of a typed ID number: surrounding whitespace removed and x upper-cased; never fails. */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}
