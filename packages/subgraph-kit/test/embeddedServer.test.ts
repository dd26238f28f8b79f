import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { embeddedSocketPath, openDatabase, openEmbeddedCluster, serveEmbeddedDatabase } from '@xueshi/subgraph-kit';
import type { Database, EmbeddedServer, MigrationSource } from '@xueshi/subgraph-kit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationFolder } from './support/scratch';

/** A connection speaking the extended protocol by hand, to name its prepared statements itself. */
async function rawConnection(path: string) {
  const socket = connect(path);
  let received = Buffer.alloc(0);
  let waiter: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    waiter?.();
  });
  const message = (type: string, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const header = Buffer.alloc(5);
    header.write(type, 0, 'latin1');
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  };
  const text = (value: string) => Buffer.from(`${value}\0`);
  const int16 = (value: number) => Buffer.from([value >> 8, value & 0xff]);
  /** Reads until ReadyForQuery; returns the first column of the first row, if any. */
  const untilReady = async (): Promise<string | null> => {
    let value: string | null = null;
    for (;;) {
      while (received.length < 5 || received.length < 1 + received.readInt32BE(1)) {
        await new Promise<void>((more) => (waiter = more));
      }
      const type = String.fromCharCode(received[0] ?? 0);
      const body = received.subarray(5, 1 + received.readInt32BE(1));
      received = received.subarray(1 + received.readInt32BE(1));
      if (type === 'E') throw new Error(body.toString('utf8'));
      if (type === 'D' && value === null) value = body.toString('utf8', 6, 6 + body.readInt32BE(2));
      if (type === 'Z') return value;
    }
  };
  await new Promise<void>((connected) => socket.once('connect', () => connected()));
  const startup = Buffer.concat([Buffer.from([0, 3, 0, 0]), text('user'), text('postgres'), Buffer.from([0])]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(startup.length + 4);
  socket.write(Buffer.concat([length, startup]));
  await untilReady();
  return {
    prepare: async (name: string, query: string) => {
      socket.write(Buffer.concat([message('P', text(name), text(query), int16(0)), message('S')]));
      await untilReady();
    },
    execute: async (name: string) => {
      const bind = message('B', text(''), text(name), int16(0), int16(0), int16(0));
      socket.write(Buffer.concat([bind, message('E', text(''), Buffer.alloc(4)), message('S')]));
      return untilReady();
    },
    close: () => socket.destroy(),
  };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The one embedded database `pnpm start` serves to every service (ADR 0037). */
describe('serveEmbeddedDatabase: one embedded cluster, every service in its own schema', () => {
  let root: string;
  let cluster: PGlite;
  let server: EmbeddedServer;
  let notes: MigrationSource;
  const opened: Database[] = [];
  const dropped: [string, string][] = [];
  const clients: postgres.Sql[] = [];
  const service = async (schema: string) => {
    const database = await openDatabase({ schema, socket: server.socketPath, migrations: [notes], poolSize: 3 });
    opened.push(database);
    return database;
  };
  const client = (schema: string, max = 1) => {
    const connection = postgres({
      path: server.socketPath,
      max,
      connection: { search_path: schema, application_name: schema },
      onnotice: () => undefined,
    });
    clients.push(connection);
    return connection;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'xueshi-embedded-server-'));
    const directory = await migrationFolder(join(root, 'migrations'), 'notes', {
      '0001_notes.sql': 'create table notes (id integer primary key, body text not null);',
    });
    notes = { namespace: 'notes', directory };
    cluster = await openEmbeddedCluster({ dataDir: join(root, 'database') });
    server = await serveEmbeddedDatabase({
      db: cluster,
      socketDir: root,
      idleInTransactionMs: 1_000,
      onClientDropped: (application, reason) => dropped.push([application, reason]),
    });
  });
  afterAll(async () => {
    await Promise.all(opened.map((database) => database.close()));
    await Promise.all(clients.map((connection) => connection.end({ timeout: 1 })));
    await server.close();
    await cluster.close();
    await rm(root, { recursive: true, force: true });
  });

  it('gives each service its own schema and migrations, though both run the same SQL at once', async () => {
    const [first, second] = await Promise.all([service('first'), service('second')]);
    await Promise.all(
      Array.from({ length: 40 }, (_unused, index) =>
        (index % 2 === 0 ? first : second).raw.query('insert into notes (id, body) values ($1, $2)', [
          index,
          index % 2 === 0 ? 'first' : 'second',
        ]),
      ),
    );
    const bodies = async (database: Database) =>
      (await database.raw.query<{ body: string }>('select distinct body from notes')).map((row) => row.body);
    expect(await bodies(first)).toEqual(['first']);
    expect(await bodies(second)).toEqual(['second']);
    expect(await first.raw.query('select count(*)::int as count from notes')).toEqual([{ count: 20 }]);
  });

  it('runs one transaction at a time: another service waits for a commit, and never sees half of it', async () => {
    const [writer, reader] = await Promise.all([service('writer'), service('reader_of_writer')]);
    const seen: string[] = [];
    const transaction = writer.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes (id, body) values (1, 'half')`);
      await pause(200);
      await tx.execute(sql`insert into notes (id, body) values (2, 'whole')`);
      seen.push('committed');
    });
    await pause(50);
    const count = await reader.raw.query<{ count: number }>('select count(*)::int as count from writer.notes');
    seen.push(`read ${count[0]?.count}`);
    await transaction;
    expect(seen).toEqual(['committed', 'read 2']);
  });

  it('rolls back a failed transaction and keeps serving everyone', async () => {
    const database = await service('failing');
    const failure = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into notes (id, body) values (1, 'lost')`);
        await tx.execute(sql`select 1 / 0`);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect((failure as { cause?: Error } | null)?.cause?.message).toMatch(/division by zero/);
    expect(await database.raw.query('select count(*)::int as count from notes')).toEqual([{ count: 0 }]);
  });

  it("keeps each connection's prepared statements its own, though they have the same name", async () => {
    // Two connections name different statements alike; each must run its own.
    const [left, right] = await Promise.all([rawConnection(server.socketPath), rawConnection(server.socketPath)]);
    await Promise.all([left.prepare('same', "select 'left'"), right.prepare('same', "select 'right'")]);
    for (let round = 0; round < 3; round += 1) {
      expect(await Promise.all([left.execute('same'), right.execute('same')])).toEqual(['left', 'right']);
    }
    left.close();
    right.close();
  });

  it('rolls back what a client that went away left open, and frees the database for the others', async () => {
    const leaving = client('leaving_schema');
    await leaving.unsafe('create schema if not exists leaving_schema; create table if not exists leaving_schema.t (v int)');
    const reserved = await leaving.reserve();
    await reserved.unsafe('begin');
    await reserved.unsafe('insert into t values (1)');
    await leaving.end({ timeout: 0 });
    const other = client('leaving_schema');
    expect(await other`select count(*)::int as count from t`).toEqual([{ count: 0 }]);
  });

  it('ends a transaction left idle past the limit, so one stuck service cannot hold up the rest', async () => {
    const stuck = client('idle_schema');
    await stuck.unsafe('create schema if not exists idle_schema; create table if not exists idle_schema.t (v int)');
    let inserted: () => void = () => undefined;
    const insertedYet = new Promise<void>((done) => (inserted = done));
    const abandoned = stuck
      .begin(async (tx) => {
        await tx`insert into t values (1)`;
        inserted();
        await pause(3_000);
        await tx`select 1`;
      })
      .then(
        () => 'committed',
        (error: Error) => error.message,
      );
    await insertedYet;
    const waited = Date.now();
    const other = client('idle_schema');
    expect(await other`select count(*)::int as count from t`).toEqual([{ count: 0 }]);
    expect(Date.now() - waited).toBeGreaterThanOrEqual(800);
    expect(Date.now() - waited).toBeLessThan(3_000);
    expect(await abandoned).toMatch(/CONNECTION_CLOSED|idle in transaction/);
    // The service sees only a closed connection; whoever runs the server is told whose and why.
    expect(dropped).toContainEqual(['idle_schema', 'idle in a transaction for more than 1000 ms']);
  });

  it('serves a data directory whose socket path would be too long from a folder of its own in the temporary directory', async () => {
    const deep = join(root, 'a-data-directory-far-down'.repeat(4));
    const far = await serveEmbeddedDatabase({ db: cluster, socketDir: deep });
    try {
      expect(far.socketPath.startsWith(tmpdir())).toBe(true);
      expect(far.socketPath).toBe(embeddedSocketPath(deep));
      const reached = postgres({ path: far.socketPath, max: 1, onnotice: () => undefined });
      clients.push(reached);
      expect(await reached`select 1 as one`).toEqual([{ one: 1 }]);
    } finally {
      await far.close();
    }
  });

  it('refuses a second server on the same socket', async () => {
    await expect(serveEmbeddedDatabase({ db: cluster, socketDir: root })).rejects.toThrow(/already listens/);
  });
});
