/**
 * Makes room for one more entry in a map of at most `maxEntries` kept in insertion order: drops the
 * expired ones first, then the oldest. What is kept for a while (the gateway's public cache and shared
 * answers, the registry's session facts) stays bounded whatever callers send.
 */
export function makeRoom<Entry>(entries: Map<string, Entry>, maxEntries: number, expired: (entry: Entry) => boolean): void {
  if (entries.size < maxEntries) return;
  for (const [key, entry] of entries) if (expired(entry)) entries.delete(key);
  if (entries.size < maxEntries) return;
  const oldest = entries.keys().next();
  if (!oldest.done) entries.delete(oldest.value);
}
