/** An amount in fen as yuan for display, "¥240.00" (negative: "-¥1.50"); throws RangeError unless `fen` is a safe integer. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`An amount in fen must be a whole number, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
