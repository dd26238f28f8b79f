/**
 * Keeps the first `head` and last `tail` characters and stars the rest; a string too short to hide
 * anything that way is starred whole, so a mask never reveals the full value.
 */
export function maskKeeping(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}
