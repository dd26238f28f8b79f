/** An employer name compared loosely: no spaces, full-width brackets as half-width, case folded. */
export function normaliseEmployer(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
