import { cycleVerdict, minutesToHours } from '@xueshi/domain';
import type { CycleVerdict } from '@xueshi/domain';
import type { Caller } from '@xueshi/subgraph-kit';
import type { CreditEntryRow } from '../db/schema';

/**
 * The entries that count: every entry neither reversed nor a reversal. A correction reverses an entry
 * whole, so what remains is exactly the learner's credit.
 */
export function standingEntries(entries: readonly CreditEntryRow[]): CreditEntryRow[] {
  const reversed = new Set(entries.flatMap((entry) => (entry.reverses ? [entry.reverses] : [])));
  return entries.filter((entry) => entry.reverses === null && !reversed.has(entry.id));
}

/**
 * What `caller` may see of a learner's ledger on `today`: the learner sees standing entries from their
 * `visibleFrom` day on; the registrar sees everything, reversals included.
 */
export function ledgerFor(caller: Caller | null, entries: readonly CreditEntryRow[], today: string): CreditEntryRow[] {
  if (caller?.role === 'REGISTRAR') return [...entries];
  return standingEntries(entries).filter((entry) => entry.visibleFrom <= today);
}

/** The cycle verdict over standing entries (as `ledgerFor` gives them to the caller). */
export function verdictOf(entries: readonly CreditEntryRow[], startYear: number): CycleVerdict {
  return cycleVerdict(
    standingEntries(entries).map((entry) => ({
      year: entry.year,
      category: entry.category,
      hours: minutesToHours(entry.minutes),
    })),
    startYear,
  );
}
