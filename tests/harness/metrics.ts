/** Reading Prometheus text as services serve it on /metrics (the suites, the soak and the CPU bench). */

/** One series: its name, labels and value. */
export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Which series count: those whose labels include these, or pass this test. */
type Wanted = Record<string, string> | ((labels: Record<string, string>) => boolean);

/** Every series in `text` (comments left out). */
export function parseMetrics(text: string): Series[] {
  const found: Series[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]),
    );
    found.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return found;
}

/** The series of `name` in `metrics` (text, or already parsed) that `wanted` picks. */
function picked(metrics: string | Series[], name: string, wanted: Wanted): Series[] {
  const passes =
    typeof wanted === 'function'
      ? wanted
      : (labels: Record<string, string>) => Object.entries(wanted).every(([key, value]) => labels[key] === value);
  return (typeof metrics === 'string' ? parseMetrics(metrics) : metrics).filter(
    (series) => series.name === name && passes(series.labels),
  );
}

/** The value of the first series `name` that `wanted` picks, or undefined when there is none. */
export function sample(metrics: string | Series[], name: string, wanted: Wanted = {}): number | undefined {
  return picked(metrics, name, wanted)[0]?.value;
}

/** The sum of every series `name` that `wanted` picks (0 when there is none). */
export function summed(metrics: string | Series[], name: string, wanted: Wanted = {}): number {
  return picked(metrics, name, wanted).reduce((sum, { value }) => sum + value, 0);
}
