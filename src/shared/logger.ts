import pino from 'pino';
import { currentRequest } from './request-scope';

export type Logger = pino.Logger;
export type LogDestination = pino.DestinationStream;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * One JSON object per line on stdout, for the operator's log shipper. Every line written while a
 * request runs carries its `requestId` (the mixin reads the request scope), so SQL statements,
 * errors and the access line of one request can be found together without passing the id around.
 */
export function createLogger(options: { level: LogLevel; destination?: LogDestination }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'kexiang' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Levels by name: log shippers and people read "error" more easily than 50.
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const scope = currentRequest();
        return scope ? { requestId: scope.requestId } : {};
      },
    },
    options.destination,
  );
}
