import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** The whole answer as received: status line, headers and body. */
  text: string;
  /** The body alone. */
  body: string;
}

/**
 * Sends one GET whose request target is exactly `target`, byte for byte (an absolute URL, `..`, broken
 * escapes), as curl's --request-target or --path-as-is would; fetch and node:http normalise or refuse such
 * targets. Resolves once the server closes the connection.
 */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const bodyAt = text.indexOf('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0),
        text,
        body: bodyAt === -1 ? '' : text.slice(bodyAt + 4),
      });
    });
    const lines = [`GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close'];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}
