// A bounded HTTP load client: a fixed number of keep-alive connections, each sending one request after
// another until the time is up (or the requests run out), timing each and checking each answer.
import { Agent, request } from 'node:http';

export interface BenchRequest {
  body: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  /** Answers that were not HTTP 200, failed to arrive, or that `check` refused. */
  errors: number;
  /** The first few refusals, to say what went wrong. */
  samples: string[];
  /** Every refusal. */
  problems: string[];
  seconds: number;
  reqPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every request's time, in milliseconds, sorted. */
  latencies: number[];
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Stops starting requests after this long. */
  durationMs: number;
  /** The request to send next, or null when there are no more. */
  next: () => BenchRequest | null;
  /** Why the answer to `sent` is wrong, or null when it is right. */
  check: (sent: BenchRequest, status: number, body: string) => string | null;
  /** A request that takes longer than this counts as an error. */
  timeoutMs?: number;
}

const MAX_SAMPLES = 5;

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

function post(agent: Agent, url: URL, sent: BenchRequest, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', ...sent.headers }, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(sent.body);
  });
}

/**
 * The load's connections to the gateway: idle ones are closed before a Node server's 5 s keep-alive
 * timeout, so none is reused just as the gateway closes it (a `read ECONNRESET` counted against the
 * gateway, seen in a burst whose few busy connections left the others idle for seconds).
 */
const loadAgent = (connections: number) => new Agent({ keepAlive: true, maxSockets: connections, timeout: 4_000 });

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = loadAgent(options.connections);
  const latencies: number[] = [];
  const problems: string[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const connection = async () => {
    while (performance.now() < deadline) {
      const sent = options.next();
      if (!sent) return;
      const sentAt = performance.now();
      let problem: string | null;
      try {
        const { status, body } = await post(agent, url, sent, options.timeoutMs ?? 10_000);
        problem = options.check(sent, status, body);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      latencies.push(performance.now() - sentAt);
      if (problem) problems.push(problem);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: problems.length,
    samples: problems.slice(0, MAX_SAMPLES),
    problems,
    seconds,
    reqPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    latencies,
  };
}

/**
 * An open-loop load: starts `ratePerSecond` requests a second on schedule whether or not earlier ones
 * have answered, so a slow answer shows in the latencies (queueing included) instead of slowing the
 * rate down, as a closed loop would.
 */
export async function runAtRate(options: LoadOptions & { ratePerSecond: number }): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = loadAgent(options.connections);
  const latencies: number[] = [];
  const problems: string[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  const interval = 1000 / options.ratePerSecond;
  for (let index = 0; index * interval < options.durationMs; index += 1) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = options.next();
    if (!sent) break;
    pending.push(
      (async () => {
        let problem: string | null;
        try {
          const { status, body } = await post(agent, url, sent, options.timeoutMs ?? 10_000);
          problem = options.check(sent, status, body);
        } catch (error) {
          problem = error instanceof Error ? error.message : String(error);
        }
        // From when it was due, not when it went out: a late start is the system's delay too.
        latencies.push(performance.now() - due);
        if (problem) problems.push(problem);
      })(),
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: problems.length,
    samples: problems.slice(0, MAX_SAMPLES),
    problems,
    seconds,
    reqPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    latencies,
  };
}
