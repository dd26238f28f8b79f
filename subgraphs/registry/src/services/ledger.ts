import { cycleVerdict, minutesToHours } from '@xueshi/domain';
import type { CycleVerdict } from '@xueshi/domain';
import type { Caller } from '@xueshi/subgraph-kit';
import type { CreditEntryRow, LearnerRow } from '../db/schema';
import { isAllowed } from '../policy';

/**
 * The entries that count: every entry neither reversed nor a reversal. A correction reverses an entry
 * whole, so what remains is exactly the learner's credit.
 */
export function standingEntries(entries: readonly CreditEntryRow[]): CreditEntryRow[] {
  const reversed = new Set(entries.flatMap((entry) => (entry.reverses ? [entry.reverses] : [])));
  return entries.filter((entry) => entry.reverses === null && !reversed.has(entry.id));
}

/** An entry whose visible day is known (not pending on a calendar year). */
export type DatedCreditEntryRow = CreditEntryRow & { visibleFrom: string };

/** Whether an entry's visible day is known: not pending on a year's official calendar. */
export const isDated = (entry: CreditEntryRow): entry is DatedCreditEntryRow => entry.visibleFrom !== null;

/** Credit recorded whose visible day waits for a year's official calendar (the database holds one or the other). */
export type PendingCreditEntryRow = CreditEntryRow & { pendingCalendarYear: number };

/** Whether an entry's visible day waits for a year's official calendar. */
export const isPending = (entry: CreditEntryRow): entry is PendingCreditEntryRow => entry.pendingCalendarYear !== null;

/** Whether an entry is visible to its learner on `today`: dated, and that day has come. */
export const visibleOn =
  (today: string) =>
  (entry: CreditEntryRow): entry is DatedCreditEntryRow =>
    entry.visibleFrom !== null && entry.visibleFrom <= today;

/**
 * What `caller` may see of a learner's ledger on `today`: the learner sees standing entries from their
 * `visibleFrom` day on; the registrar sees every dated entry (pending credit is listed apart), reversals included.
 */
export function ledgerFor(caller: Caller | null, entries: readonly CreditEntryRow[], today: string): DatedCreditEntryRow[] {
  if (isAllowed('wholeLedger', caller)) return entries.filter(isDated);
  return standingEntries(entries).filter(visibleOn(today));
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

/** A verdict on one of a learner's cycles, with the standing entries it was reached from. */
export interface LearnerCycle extends CycleVerdict {
  learner: LearnerRow;
  standing: CreditEntryRow[];
}
