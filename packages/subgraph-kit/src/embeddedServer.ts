// One embedded database for every service on a machine (ADR 0037): a PGlite cluster served over
// PostgreSQL's wire protocol on a Unix socket, so each service connects to it as it would to PostgreSQL,
// with its own schema and migrations, instead of holding a PGlite of its own (~130 MB each).
//
// PGlite has one session. Clients take it in turn, a whole transaction at a time: a client holds the
// session from its first message until the server reports it idle again (ReadyForQuery 'I'), and is given
// its own startup settings (search_path, application_name) whenever it takes the session from another.
// Prepared statement and portal names are made the client's own, and dropped when it leaves.
import { createHash } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/** Protocol 3.0, and the special startup requests a client may send before it. */
const PROTOCOL_3 = 196_608;
const SSL_REQUEST = 80_877_103;
const GSS_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;
/** Larger frontend messages are refused: nothing the services send comes near it. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Startup settings that name the connection rather than configure the session. */
const NOT_SESSION_SETTINGS = new Set(['user', 'database', 'options', 'replication']);
const SETTING_NAME = /^[a-z_][a-z0-9_.]*$/i;
/** Parameters reported to each client at startup, as PostgreSQL does. */
const REPORTED = [
  'server_version',
  'server_encoding',
  'client_encoding',
  'DateStyle',
  'IntervalStyle',
  'TimeZone',
  'integer_datetimes',
  'standard_conforming_strings',
] as const;

export interface EmbeddedServerOptions {
  /** The database every client shares. */
  db: PGlite;
  /** The folder the socket is made in (PostgreSQL's layout: `<folder>/.s.PGSQL.<port>`). */
  socketDir: string;
  port?: number;
  /**
   * How long a client may hold the session inside a transaction without sending anything before its
   * transaction is rolled back and its connection closed: the others wait for it meanwhile.
   */
  idleInTransactionMs?: number;
  /**
   * Told when the server drops a client (idle in a transaction too long, or a batch the database failed
   * on), naming it by its application_name: the service sees only a closed connection.
   */
  onClientDropped?: (application: string, reason: string) => void;
}

export interface EmbeddedServer {
  /** The Unix socket clients connect to. */
  readonly socketPath: string;
  close(): Promise<void>;
}

/** The longest socket path Linux takes (sun_path is 108 bytes, NUL included), with a margin. */
const SOCKET_PATH_MAX = 100;

/**
 * The socket a server for `socketDir` listens on: in `socketDir`, or, where that path would be too long
 * for a Unix socket, in a folder of the system's temporary directory named after `socketDir`.
 */
export function embeddedSocketPath(socketDir: string, port = 5432): string {
  const file = `.s.PGSQL.${port}`;
  const beside = join(socketDir, file);
  if (Buffer.byteLength(beside) <= SOCKET_PATH_MAX) return beside;
  return join(tmpdir(), `xueshi-${createHash('sha256').update(resolve(socketDir)).digest('hex').slice(0, 16)}`, file);
}

/** Frontend message: type byte, then its body (length excluded). */
interface Message {
  type: number;
  body: Buffer;
}

const cString = (text: string): Buffer => Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);

function backendMessage(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const int32 = (value: number): Buffer => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};

function errorResponse(severity: 'ERROR' | 'FATAL', code: string, message: string): Buffer {
  const fields = [
    ['S', severity],
    ['V', severity],
    ['C', code],
    ['M', message],
  ].map(([field, value]) => Buffer.concat([Buffer.from(field ?? '', 'latin1'), cString(value ?? '')]));
  return backendMessage('E', ...fields, Buffer.from([0]));
}

function frontendMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** Reads a NUL-terminated string at `offset`: the text and the offset after it. */
function readCString(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  if (end < 0) throw new Error('unterminated string in a frontend message');
  return [buffer.toString('utf8', offset, end), end + 1];
}

/** The status of the last ReadyForQuery in a backend response, or null when it has none. */
function lastReadyStatus(response: Uint8Array): string | null {
  const view = Buffer.from(response.buffer, response.byteOffset, response.byteLength);
  let status: string | null = null;
  for (let offset = 0; offset + 5 <= view.length;) {
    const length = view.readInt32BE(offset + 1);
    if (view[offset] === 0x5a && offset + 5 < view.length) status = String.fromCharCode(view[offset + 5] ?? 0);
    offset += 1 + length;
  }
  return status;
}

/** One client connection. */
class Client {
  readonly settings = new Map<string, string>();
  readonly statements = new Set<string>();
  inTransaction = false;
  closed = false;
  /** Its messages run one batch after another. */
  work: Promise<void> = Promise.resolve();
  idleTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly id: number,
    readonly socket: Socket,
  ) {}

  /** Makes a statement or portal name this client's own; the unnamed one stays unnamed. */
  own(name: string): string {
    return name === '' ? '' : `c${this.id}_${name}`;
  }
}

/** The name a client gave itself at startup (each service names its connections after its schema). */
const applicationOf = (client: Client): string => client.settings.get('application_name') ?? `client ${client.id}`;

/** Rewrites the names in a batch of frontend messages so no client meets another's statements. */
function ownNames(client: Client, messages: Message[]): Buffer {
  const out: Buffer[] = [];
  for (const { type, body } of messages) {
    const kind = String.fromCharCode(type);
    if (kind === 'P') {
      const [name, rest] = readCString(body, 0);
      const owned = client.own(name);
      if (owned) client.statements.add(owned);
      out.push(frontendMessage(kind, Buffer.concat([cString(owned), body.subarray(rest)])));
    } else if (kind === 'B') {
      const [portal, afterPortal] = readCString(body, 0);
      const [statement, rest] = readCString(body, afterPortal);
      out.push(
        frontendMessage(kind, Buffer.concat([cString(client.own(portal)), cString(client.own(statement)), body.subarray(rest)])),
      );
    } else if (kind === 'E') {
      const [portal, rest] = readCString(body, 0);
      out.push(frontendMessage(kind, Buffer.concat([cString(client.own(portal)), body.subarray(rest)])));
    } else if (kind === 'D' || kind === 'C') {
      const [name] = readCString(body, 1);
      const owned = client.own(name);
      if (kind === 'C' && body[0] === 0x53) client.statements.delete(owned);
      out.push(frontendMessage(kind, Buffer.concat([body.subarray(0, 1), cString(owned)])));
    } else {
      out.push(frontendMessage(kind, body));
    }
  }
  return Buffer.concat(out);
}

/** Whether an embedded database server (or anything) accepts connections on the socket at `path`. */
export const embeddedDatabaseListening = (path: string): Promise<boolean> =>
  new Promise((known) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      known(true);
    });
    probe.once('error', () => known(false));
  });

/** Serves `db` to many clients, one transaction at a time. */
export async function serveEmbeddedDatabase(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { db, socketDir } = options;
  const port = options.port ?? 5432;
  const idleInTransactionMs = options.idleInTransactionMs ?? 10_000;
  const reported = await Promise.all(
    REPORTED.map(async (name) => {
      const [row] = (await db.query<Record<string, string>>(`show ${name}`)).rows;
      return backendMessage('S', cString(name), cString(Object.values(row ?? {})[0] ?? ''));
    }),
  );

  let holder: Client | null = null;
  /** The client whose settings the session has now. */
  let configuredFor: Client | null = null;
  const waiting: (() => void)[] = [];
  let nextId = 1;
  const clients = new Set<Client>();

  const take = async (client: Client): Promise<void> => {
    if (holder === client) return;
    while (holder !== null) await new Promise<void>((resume) => waiting.push(resume));
    holder = client;
    if (configuredFor !== client) {
      const settings = [...client.settings];
      if (settings.length > 0) {
        await db.query(
          `select ${settings.map((_setting, index) => `set_config($${2 * index + 1}, $${2 * index + 2}, false)`).join(', ')}`,
          settings.flat(),
        );
      }
      configuredFor = client;
    }
  };
  const give = (client: Client): void => {
    if (holder !== client) return;
    holder = null;
    waiting.shift()?.();
  };

  /** Ends whatever the client left open and frees the session and its names. */
  const leave = async (client: Client): Promise<void> => {
    clearTimeout(client.idleTimer);
    clients.delete(client);
    if (holder !== client && !client.inTransaction && client.statements.size === 0) return;
    await take(client);
    try {
      const closes = [...client.statements].map((name) => frontendMessage('C', Buffer.concat([Buffer.from('S'), cString(name)])));
      await db.execProtocolRaw(Buffer.concat([...closes, frontendMessage('S', Buffer.alloc(0))]));
      if (client.inTransaction) await db.exec('rollback');
    } finally {
      client.statements.clear();
      give(client);
    }
  };

  const run = async (client: Client, messages: Message[]): Promise<void> => {
    if (client.closed) return;
    clearTimeout(client.idleTimer);
    await take(client);
    const response = await db.execProtocolRaw(ownNames(client, messages));
    if (!client.socket.destroyed) client.socket.write(response);
    const status = lastReadyStatus(response);
    if (status !== null) client.inTransaction = status !== 'I';
    if (status === 'I') {
      give(client);
    } else {
      client.idleTimer = setTimeout(() => {
        options.onClientDropped?.(applicationOf(client), `idle in a transaction for more than ${idleInTransactionMs} ms`);
        client.socket.end(
          errorResponse('FATAL', '25P03', `terminating connection: idle in transaction for more than ${idleInTransactionMs} ms`),
        );
        client.socket.destroy();
      }, idleInTransactionMs);
    }
  };

  const serveClient = (socket: Socket): void => {
    let pending: Buffer = Buffer.alloc(0);
    let client: Client | null = null;
    const fail = (code: string, message: string) => {
      socket.end(errorResponse('FATAL', code, message));
      socket.destroy();
    };
    const startup = (body: Buffer): boolean => {
      const code = body.readInt32BE(0);
      if (code === SSL_REQUEST || code === GSS_REQUEST) {
        socket.write('N');
        return false;
      }
      if (code === CANCEL_REQUEST) {
        socket.destroy();
        return false;
      }
      if (code !== PROTOCOL_3) {
        fail('08P01', `unsupported frontend protocol ${code >> 16}.${code & 0xffff}`);
        return false;
      }
      const accepted = new Client(nextId++, socket);
      for (let offset = 4; offset < body.length && body[offset] !== 0;) {
        const [name, afterName] = readCString(body, offset);
        const [value, afterValue] = readCString(body, afterName);
        offset = afterValue;
        if (NOT_SESSION_SETTINGS.has(name)) continue;
        if (!SETTING_NAME.test(name)) {
          fail('42704', `unrecognized configuration parameter "${name}"`);
          return false;
        }
        accepted.settings.set(name, value);
      }
      client = accepted;
      clients.add(accepted);
      socket.write(
        Buffer.concat([
          backendMessage('R', int32(0)),
          ...reported,
          backendMessage('K', int32(accepted.id), int32(0)),
          backendMessage('Z', Buffer.from('I')),
        ]),
      );
      return true;
    };

    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const messages: Message[] = [];
      let terminate = false;
      while (true) {
        const headerBytes = client ? 5 : 4;
        if (pending.length < headerBytes) break;
        const length = client ? pending.readInt32BE(1) : pending.readInt32BE(0);
        if (length < 4 || length > MAX_MESSAGE_BYTES) return fail('08P01', 'invalid message length');
        const total = client ? 1 + length : length;
        if (pending.length < total) break;
        const message = pending.subarray(0, total);
        pending = pending.subarray(total);
        if (!client) {
          if (!startup(message.subarray(4))) return;
          continue;
        }
        const type = message[0] ?? 0;
        if (type === 0x58) {
          terminate = true;
          break;
        }
        messages.push({ type, body: Buffer.from(message.subarray(5)) });
      }
      const current = client;
      if (!current) return;
      if (messages.length > 0) {
        current.work = current.work
          .then(() => run(current, messages))
          .catch((error: unknown) => {
            options.onClientDropped?.(applicationOf(current), error instanceof Error ? error.message : String(error));
            socket.destroy();
          });
      }
      if (terminate) socket.end();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      const current = client;
      if (!current) return;
      current.closed = true;
      current.work = current.work.then(() => leave(current)).catch(() => undefined);
    });
  };

  const server: Server = createServer(serveClient);
  const path = embeddedSocketPath(socketDir, port);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  if (await embeddedDatabaseListening(path)) throw new Error(`An embedded database server already listens on ${path}`);
  // What is left of a server that stopped without closing its socket.
  await rm(path, { force: true });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(path, () => listening());
  });
  // The server asks for no password, as PGlite in a service's own process never did: only the user
  // running the system may connect.
  await chmod(path, 0o600);
  return {
    socketPath: path,
    close: async () => {
      await new Promise<void>((closed) => {
        server.close(() => closed());
        for (const client of clients) client.socket.destroy();
      });
      await Promise.all([...clients].map((client) => client.work));
    },
  };
}
