import { makeRoom } from '@xueshi/subgraph-kit';
import type { HttpAnswer } from '@xueshi/subgraph-kit';

/**
 * The longest a subgraph's shared answer is given again, whatever max-age it says (ADR 0054): what an
 * institution changes reaches callers of another gateway process within it.
 */
export const SHARED_ANSWERS_MAX_AGE_MS = 2_000;
const MAX_ENTRIES = 1_000;

/**
 * How long `answer` may be given to anyone who sends the same request, from its `cache-control`: a 200
 * marked `public` with a `max-age`, and neither `private` nor `no-store`; 0 otherwise.
 */
export function sharedForMs(answer: HttpAnswer): number {
  if (answer.status !== 200) return 0;
  const header = answer.headers.find(([name]) => name === 'cache-control')?.[1];
  if (!header) return 0;
  const directives = header
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  if (!directives.includes('public') || directives.includes('private') || directives.includes('no-store')) return 0;
  const maxAge = directives.find((part) => part.startsWith('max-age='));
  const seconds = maxAge ? Number(maxAge.slice('max-age='.length)) : Number.NaN;
  return Number.isInteger(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

interface Kept {
  answer: HttpAnswer;
  /** On the monotonic clock: until when it may be given again. */
  until: number;
}

/**
 * One subgraph's answers that it said are the same for every caller, by the exact request sent (its
 * body: operation and variables), each given again until its max-age runs out, counted from when it was
 * asked for. A change sent to the subgraph through this gateway forgets them all, and an answer asked for
 * before that change is not kept, so whoever changes a session here reads it back at once.
 */
export class SharedAnswers {
  private readonly kept = new Map<string, Kept>();
  /** Counts the changes sent: an answer asked for under an older count may predate one. */
  private changes = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The answer kept for this request, if it may still be given. */
  get(request: string): HttpAnswer | undefined {
    const entry = this.kept.get(request);
    if (!entry) return undefined;
    if (this.now() < entry.until) return entry.answer;
    this.kept.delete(request);
    return undefined;
  }

  /** Marks a request about to be sent, for `keep` to know whether a change came in between. */
  ask(): { askedAt: number; changes: number } {
    return { askedAt: this.now(), changes: this.changes };
  }

  /** Keeps `answer` when its subgraph says it may be shared and no change was sent since it was asked. */
  keep(request: string, answer: HttpAnswer, asked: { askedAt: number; changes: number }): void {
    if (asked.changes !== this.changes) return;
    const forMs = Math.min(sharedForMs(answer), this.maxAgeMs);
    if (forMs <= 0) return;
    const until = asked.askedAt + forMs;
    if (until <= this.now()) return;
    this.kept.delete(request);
    const at = this.now();
    makeRoom(this.kept, MAX_ENTRIES, (entry) => entry.until <= at);
    this.kept.set(request, { answer, until });
  }

  /** A change is being sent to the subgraph: nothing kept, nor anything asked before it, is given again. */
  forget(): void {
    this.changes += 1;
    this.kept.clear();
  }
}
