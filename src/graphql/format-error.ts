import {
  ForeignKeyConstraintViolationException,
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, ErrorCode } from '../shared/domain-error';

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
  if (original instanceof NotFoundError) {
    return { ...formatted, extensions: { ...extensions, code: ErrorCode.NOT_FOUND } };
  }
  return { ...formatted, extensions };
}
