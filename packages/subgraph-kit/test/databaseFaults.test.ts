import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { CommitOutcomeUnknown, commitOutcomeUnknown, databaseUnreachable, openDatabase } from '@xueshi/subgraph-kit';
import type { Database } from '@xueshi/subgraph-kit';
import { testDatabaseUrl } from '@xueshi/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, uniqueSchema } from './support/scratch';

/**
 * A TCP hop between the service and PostgreSQL that the test can cut: `refuse` closes it (as a stopped
 * server does), `silence` takes connections and never answers (as a hung host or a dropped network does).
 */
async function databaseHop(target: URL) {
  const sockets = new Set<Socket>();
  let mode: 'forward' | 'silent' = 'forward';
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => client.destroy());
        if (mode === 'silent') return;
        const upstream = connect(Number(target.port || 5432), target.hostname);
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as { port: number }).port;
        resolve();
      });
    });
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  await listen();
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    refuse: async () => {
      await new Promise((resolve) => {
        server?.close(resolve);
        cutAll();
      });
    },
    silence: () => {
      mode = 'silent';
      cutAll();
    },
    restore: async () => {
      mode = 'forward';
      if (!server?.listening) await listen();
    },
    close: async () => {
      cutAll();
      await new Promise((resolve) => (server?.listening ? server.close(resolve) : resolve(undefined)));
    },
  };
}

/** The database error a call ends with, or a failure of the test when it succeeds. */
async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded while the database was out of reach');
}

// Cutting the network needs a database reached over one; the embedded database is in the process.
describe.runIf(testDatabaseUrl)('PostgreSQL out of reach', () => {
  const schema = uniqueSchema('faults');
  let hop: Awaited<ReturnType<typeof databaseHop>>;
  let database: Database;

  beforeAll(async () => {
    hop = await databaseHop(new URL(testDatabaseUrl ?? ''));
    database = await openDatabase({ url: hop.url, schema, migrations: [], poolSize: 2 });
    await database.raw.exec('create table ledger (id int primary key, note text not null)');
  });
  afterAll(async () => {
    await database?.close();
    await hop?.close();
    await dropSchema(schema);
  });

  it('refuses at once while the server refuses connections, and serves again once it takes them', async () => {
    await hop.refuse();
    const error = await failure(database.raw.query('select 1'));
    expect(['ECONNREFUSED', 'CONNECTION_CLOSED']).toContain(databaseUnreachable(error));
    expect(databaseUnreachable(await failure(database.raw.query('select 1')))).toBe('ECONNREFUSED');
    await hop.restore();
    expect(await database.raw.query('select 1 as up')).toEqual([{ up: 1 }]);
  });

  it('gives up on a server that does not answer within the connect timeout, and serves again once it does', async () => {
    hop.silence();
    const errors = await Promise.all([failure(database.raw.query('select 1')), failure(database.raw.query('select 1'))]);
    expect(errors.map(databaseUnreachable)).toContain('CONNECT_TIMEOUT');
    await hop.restore();
    expect(await database.raw.query('select 1 as up')).toEqual([{ up: 1 }]);
  });

  it('writes nothing of a transaction whose connection is cut before it commits', async () => {
    const error = await failure(
      database.raw.transaction(async (tx) => {
        await tx.query('insert into ledger values (1, $1)', ['half']);
        await hop.refuse();
        await tx.query('insert into ledger values (2, $1)', ['other half']);
      }),
    );
    expect(databaseUnreachable(error)).toBeDefined();
    expect(commitOutcomeUnknown(error)).toBe(false);
    await hop.restore();
    expect(await database.raw.query('select * from ledger')).toEqual([]);
  });

  it('says the outcome is unknown, not that nothing was done, when the connection is lost while committing', async () => {
    const error = await failure(
      database.raw.transaction(async (tx) => {
        await tx.query('insert into ledger values (3, $1)', ['whole']);
        // The work is done; the commit that follows goes to a connection that is gone.
        await hop.refuse();
      }),
    );
    expect(error).toBeInstanceOf(CommitOutcomeUnknown);
    expect(commitOutcomeUnknown(error)).toBe(true);
    // Still an outage: the same UNAVAILABLE and /ready handling as any lost connection.
    expect(databaseUnreachable(error)).toBeDefined();
    await hop.restore();
    // Here PostgreSQL rolled back (the commit never reached it); the caller could not have known that.
    expect(await database.raw.query('select * from ledger')).toEqual([]);
  });
});
