/**
 * Identical requests in flight at the same time share one fetch: whoever asks while a fetch with the
 * same key is under way waits for it instead of starting another, and gets the same answer or the same
 * error. Answers must therefore be immutable (callers build their own objects from them). Nothing is
 * kept once a fetch has settled: this is not a cache, and a request made after an answer arrived
 * fetches again.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** Fetches under `key`, or joins the fetch already in flight under it. */
  run(key: string, fetch: () => Promise<T>): Promise<T> {
    const joined = this.pending.get(key);
    if (joined) return joined;
    const started = fetch().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}
