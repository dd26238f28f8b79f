import { formatHours } from './formatHours';
import type { TranscriptInput } from './TranscriptInput';

/** The cycle's verdict as printed: 合格, or 未达标 with each shortfall; throws RangeError for invalid shortfall hours. */
export function verdictText(cycle: TranscriptInput['cycle']): string {
  if (cycle.compliant) return '合格';
  const shortfalls: string[] = [];
  if (cycle.requiredShortfall > 0) shortfalls.push(`必修学时尚差 ${formatHours(cycle.requiredShortfall)} 学时`);
  if (cycle.totalShortfall > 0) shortfalls.push(`总学时尚差 ${formatHours(cycle.totalShortfall)} 学时`);
  return `未达标（${shortfalls.join('，')}）`;
}
