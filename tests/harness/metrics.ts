/** Reading Prometheus text as services serve it on /metrics. */

/** Each series of `name` in `text`: its labels and value. */
function seriesOf(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const found: { labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]),
    );
    found.push({ labels, value: Number(match[3]) });
  }
  return found;
}

const having = (labels: Record<string, string>) => (series: { labels: Record<string, string> }) =>
  Object.entries(labels).every(([key, value]) => series.labels[key] === value);

/** The value of the first series `name` whose labels include `labels`, or undefined when there is none. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return seriesOf(text, name).find(having(labels))?.value;
}

/** The sum of every series `name` whose labels include `labels` (0 when there is none). */
export function summed(text: string, name: string, labels: Record<string, string> = {}): number {
  return seriesOf(text, name)
    .filter(having(labels))
    .reduce((sum, { value }) => sum + value, 0);
}
