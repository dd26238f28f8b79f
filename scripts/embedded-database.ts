// The machine's one embedded database (ADR 0037): the cluster in DATA_DIR/database, served on a Unix socket
// in DATA_DIR to every service `pnpm start` runs, each in its own schema. Stopped by SIGTERM or Ctrl-C.
import { join, resolve } from 'node:path';
import { openEmbeddedCluster, serveEmbeddedDatabase } from '@xueshi/subgraph-kit';

const dataDir = resolve(process.env['DATA_DIR'] ?? '.data');
const db = await openEmbeddedCluster({ dataDir: join(dataDir, 'database') });
const server = await serveEmbeddedDatabase({
  db,
  socketDir: dataDir,
  // The service sees a closed connection and answers UNAVAILABLE; why is said here.
  onClientDropped: (application, reason) => console.error(`embedded database: dropped a connection of ${application}: ${reason}`),
});
console.log(`embedded database serving ${server.socketPath}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
