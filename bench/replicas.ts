// Several processes of one subgraph behind one address, as a load balancer in front of replicas puts
// them: each request goes to the next process in turn. The bench puts it between every gateway and the
// registry's processes, so the three gateways meet the same replicas unchanged (ADR 0040).
import { Agent, createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Replicas {
  /** Where the gateways send the subgraph's requests: `http://127.0.0.1:<port>`. */
  origin: string;
  /** Requests passed to each process, in the order of `targets`. */
  passed(): number[];
  close(): Promise<void>;
}

/**
 * Listens on `port` (any free one for 0) and passes each request, path, headers and body unchanged, to
 * the next of `targets` (origins) in turn; answers 502 when that process cannot be reached, so a
 * replica that is down shows as an error instead of being hidden by another.
 */
export function roundRobin(targets: string[], port: number): Promise<Replicas> {
  if (targets.length === 0) throw new RangeError('roundRobin needs at least one target');
  // Idle connections are closed before a Node server's 5 s keep-alive timeout, as the gateway's own are
  // (createHttpPost): one reused just as the process closes it would be answered 502 here, a request lost
  // to the pass-through rather than to the system measured.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  const passed = targets.map(() => 0);
  let turn = 0;
  const pass = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const index = turn;
    turn = (turn + 1) % targets.length;
    passed[index] = (passed[index] ?? 0) + 1;
    const forwarded = request(
      new URL(incoming.url ?? '/', targets[index]),
      { method: incoming.method, headers: incoming.headers, agent },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      if (outgoing.headersSent) {
        outgoing.destroy(error);
        return;
      }
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`replica ${targets[index]} unreachable: ${error.message}`);
    });
    incoming.pipe(forwarded);
  };
  const server = createServer({ keepAliveTimeout: 60_000 }, pass);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const listening = typeof address === 'object' && address ? address.port : port;
      resolve({
        origin: `http://127.0.0.1:${listening}`,
        passed: () => [...passed],
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
