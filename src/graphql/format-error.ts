import { randomUUID } from 'node:crypto';
import {
  ConnectionException,
  ForeignKeyConstraintViolationException,
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { DomainError, ErrorCode } from '../shared/domain-error';

/**
 * Unexpected failures get a reference id that the log carries too; in production their message
 * and details are hidden behind it.
 */
export function createFormatError(options: { production: boolean; log?: (line: string, error: unknown) => void }) {
  const log = options.log ?? ((line, error) => console.error(line, error));
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const mapped = formatError(formatted, error);
    const code = mapped.extensions?.code;
    if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return mapped;
    const reference = randomUUID().slice(0, 8);
    log(`[error ${reference}]`, error instanceof GraphQLError ? (error.originalError ?? error) : error);
    if (!options.production) return { ...mapped, extensions: { ...mapped.extensions, code: 'INTERNAL_SERVER_ERROR', reference } };
    return {
      message: `Internal error (reference ${reference})`,
      path: mapped.path,
      locations: mapped.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', reference },
    };
  };
}

/** Maps domain and ORM failures to `extensions.code`, so callers learn what to fix. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const extensions = { ...formatted.extensions };
  delete extensions.stacktrace;
  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: { ...extensions, ...original.details, code: original.code } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors.map((e) => ({
      field: e.property,
      problems: Object.values(e.constraints ?? {}),
    }));
    const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
    return {
      ...formatted,
      message: `Invalid input: ${message}`,
      extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, field: fields[0]?.field ?? null, fields },
    };
  }
  if (original instanceof AuthorizationError || original instanceof AuthenticationError) {
    return { ...formatted, message: 'Not allowed for this token (staff only)', extensions: { ...extensions, code: ErrorCode.FORBIDDEN } };
  }
  if (original instanceof OptimisticLockError) {
    return {
      ...formatted,
      message: 'Changed by someone else meanwhile; read it again and retry',
      extensions: { ...extensions, code: ErrorCode.CONFLICT },
    };
  }
  if (original instanceof UniqueConstraintViolationException) {
    return {
      ...formatted,
      message: 'A record with that unique value already exists',
      extensions: { ...extensions, code: ErrorCode.CONFLICT },
    };
  }
  if (original instanceof ForeignKeyConstraintViolationException) {
    return { ...formatted, message: 'A referenced record does not exist', extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  if (original instanceof Error && isDatabaseUnavailable(original)) {
    return {
      ...formatted,
      message: 'The database is unavailable right now; try again shortly',
      extensions: { ...extensions, code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (original instanceof NotFoundError) {
    return { ...formatted, extensions: { ...extensions, code: ErrorCode.NOT_FOUND } };
  }
  return { ...formatted, extensions };
}

/** Lost or refused connections and pool timeouts: the caller should retry, nothing is wrong with the request. */
const isDatabaseUnavailable = (error: Error): boolean =>
  error instanceof ConnectionException ||
  /Connection terminated|Connection ended|ECONNREFUSED|ECONNRESET|Timeout acquiring a connection|terminating connection/i.test(
    error.message,
  );
