import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/**
 * Paths that may hold secrets or personal data. Services never log request bodies, but a stray
 * object passed to the logger must still not leak an ID number, password, token or mobile.
 */
const REDACTED_PATHS = [
  'password',
  'idNumber',
  'mobile',
  'token',
  'authorization',
  '*.password',
  '*.idNumber',
  '*.mobile',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
}

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: service,
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service },
    },
    options.destination,
  );
}
