import { ConfigError } from './env';

const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Runs a service's `main`: exits 1 when it fails to start, and on SIGTERM or SIGINT closes it
 * gracefully, exiting 1 if that takes longer than the grace period.
 */
export function runService(name: string, main: () => Promise<{ close(): Promise<void> }>): void {
  main().then(
    (service) => {
      const shutdown = (signal: string) => {
        process.stderr.write(`${name}: ${signal} received, shutting down\n`);
        setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
        service.close().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`${name}: shutdown failed: ${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
      // Started by a supervisor with an IPC channel (pnpm start): go when it goes, however it died.
      if (process.send) process.once('disconnect', () => shutdown('supervisor gone'));
    },
    (error: unknown) => {
      const message =
        error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`${name} failed to start: ${message}\n`);
      process.exit(1);
    },
  );
}
