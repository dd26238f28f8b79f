import { InFlight, makeRoom } from '@xueshi/subgraph-kit';
import type { SessionFacts } from './institutionDirectory';

/**
 * How long the registry keeps a session's facts once read from its institution. The institution says
 * when it changes a session (sessionChanged), and every registration compares the version it holds with
 * the database's before taking a seat; this bounds only how long a notice lost on the way (an
 * institution stopped between its change and its notice) can leave a registry on older facts.
 */
export const SESSION_FACTS_MAX_AGE_MS = 10_000;

/** Sessions whose facts a registry keeps at once: registration day's few hundred, with room to spare. */
const MAX_SESSIONS = 5_000;

/** A session's facts and the version of them the database held before they were read (ADR 0055). */
export interface VersionedFacts {
  facts: SessionFacts;
  version: number;
}

interface Kept extends VersionedFacts {
  keptUntil: number;
}

/**
 * The session facts one registry process holds between registrations (ADR 0055): read once from the
 * owner for everyone registering at once, then kept until the owner says they changed, a registration
 * finds a newer version in the database, or `maxAgeMs` passes. A session not found is never kept.
 */
export class SessionFactsCache {
  private readonly kept = new Map<string, Kept>();
  private readonly loading = new InFlight<VersionedFacts | null>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The kept facts (`cached`), or those `load` reads now, shared by every caller asking meanwhile. */
  async get(
    sessionId: string,
    load: () => Promise<VersionedFacts | null>,
  ): Promise<(VersionedFacts & { cached: boolean }) | null> {
    const kept = this.kept.get(sessionId);
    if (kept && kept.keptUntil > this.now()) return { facts: kept.facts, version: kept.version, cached: true };
    if (kept) this.kept.delete(sessionId);
    const loaded = await this.loading.run(sessionId, async () => {
      const read = await load();
      if (read && this.maxAgeMs > 0) {
        makeRoom(this.kept, MAX_SESSIONS, (entry) => entry.keptUntil <= this.now());
        this.kept.set(sessionId, { ...read, keptUntil: this.now() + this.maxAgeMs });
      }
      return read;
    });
    return loaded && { ...loaded, cached: false };
  }

  /** Drops what is kept of the session, so the next registration reads it from its owner. */
  forget(sessionId: string): void {
    this.kept.delete(sessionId);
  }
}
