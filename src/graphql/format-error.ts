import { randomUUID } from 'node:crypto';
import {
  ConnectionException,
  ForeignKeyConstraintViolationException,
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { DomainError, ErrorCode } from '../shared/domain-error';
import { currentRequest } from '../shared/request-scope';

/**
 * Unexpected failures get a reference id that the log carries too, and the request's id (HTTP);
 * in production their message and details are hidden behind them, and no message names the
 * schema's fields, arguments, types or enum values as suggestions ("Did you mean ...?"). Every
 * transport formats with this.
 */
export function createFormatError(options: { production: boolean; log?: (line: string, error: unknown) => void }) {
  const log = options.log ?? ((line, error) => console.error(line, error));
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const mapped = formatError(formatted, error);
    const code = mapped.extensions?.code;
    if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') {
      return options.production ? { ...mapped, message: withoutSuggestions(mapped.message) } : mapped;
    }
    const reference = randomUUID().slice(0, 8);
    log(`[error ${reference}]`, error instanceof GraphQLError ? (error.originalError ?? error) : error);
    // The request's id too, so the caller can quote what the operator's logs are searched by.
    const requestId = currentRequest()?.requestId;
    const traced = requestId ? { reference, requestId } : { reference };
    if (!options.production) return { ...mapped, extensions: { ...mapped.extensions, code: 'INTERNAL_SERVER_ERROR', ...traced } };
    return {
      message: `Internal error (reference ${reference})`,
      path: mapped.path,
      locations: mapped.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...traced },
    };
  };
}

/**
 * graphql-js appends suggestions to validation and coercion messages: ` Did you mean "x"?`,
 * ` Did you mean the enum value "X"?`, ` Did you mean to use an inline fragment on "T"?`. They
 * list names of the schema only, which never hold a question mark.
 */
export const withoutSuggestions = (message: string): string => message.replace(/\s*Did you mean [^?]*\?/g, '').trim();

/** Maps domain and ORM failures to `extensions.code`, so callers learn what to fix. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const extensions = { ...formatted.extensions };
  delete extensions.stacktrace;
  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: { ...extensions, ...original.details, code: original.code } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = flattenValidationErrors(original.extensions.validationErrors);
    const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
    // type-graphql's validationErrors repeat the whole input (as target and value): the fields say what to fix.
    const { validationErrors: _echo, ...kept } = extensions;
    return {
      ...formatted,
      message: `Invalid input: ${message}`,
      extensions: { ...kept, code: ErrorCode.BAD_USER_INPUT, field: fields[0]?.field ?? null, fields },
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
  // Only for errors nothing has coded yet: a coercion message may quote the client's own text.
  const uncoded = extensions.code === undefined || extensions.code === 'INTERNAL_SERVER_ERROR';
  const refused = uncoded ? refusedValue(original) : null;
  if (refused) {
    return { ...formatted, message: refused, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, field: null } };
  }
  if (uncoded && isDatabaseUnavailable(original)) {
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

interface FieldProblems {
  field: string;
  problems: string[];
}

/** class-validator nests the errors of nested inputs under their parent: each leaf, named by its path (`createdIn.from`). */
function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): FieldProblems[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const own = Object.values(e.constraints ?? {});
    const nested = flattenValidationErrors(e.children ?? [], `${field}.`);
    return own.length > 0 || nested.length === 0 ? [{ field, problems: own }, ...nested] : nested;
  });
}

/**
 * The error and what it wraps: a GraphQL error's `originalError`, and the attempts of an
 * AggregateError (a host name with two addresses refuses twice). Not `cause`: a failed fetch of
 * the token keys carries a socket error there, and that is no database outage.
 */
function* chainOf(error: unknown, depth = 0): Generator<ErrorLike> {
  if (!isErrorLike(error) || depth > 4) return;
  yield error;
  if (error instanceof GraphQLError) yield* chainOf(error.originalError, depth + 1);
  const attempts = (error as ErrorLike).errors;
  if (Array.isArray(attempts)) for (const each of attempts) yield* chainOf(each, depth + 1);
}

interface ErrorLike {
  name?: unknown;
  message: string;
  code?: unknown;
  errors?: unknown;
}

/**
 * Errors are recognized by shape, not `instanceof Error`: Node's socket errors (ECONNREFUSED)
 * are made by the runtime's own Error, which is another class than a sandbox's (Jest's) Error.
 */
const isErrorLike = (value: unknown): value is ErrorLike =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

const codeOf = (error: ErrorLike): string | undefined => (typeof error.code === 'string' ? error.code : undefined);

/**
 * What PostgreSQL says about a value it cannot take (SQLSTATE), for input no validator caught:
 * the statement failed, its transaction rolled back, and the caller should fix the value.
 */
const REFUSED_VALUES: Record<string, string> = {
  '22021': 'The request holds text the database cannot store (such as the NUL character \\u0000)',
  '22P05': 'The request holds text the database cannot store (such as the NUL character \\u0000)',
  // A NUL written into a statement's text (values MikroORM inlines) breaks the protocol message itself.
  '08P01': 'The request holds text the database cannot store (such as the NUL character \\u0000)',
  '22P02': 'A value in the request has the wrong form (ids are UUIDs)',
  '22001': 'A text in the request is longer than its field allows',
  '22007': 'A date in the request is not one the database can hold',
  '22008': 'A date in the request is out of range',
  '22003': 'A number in the request is out of range',
};

function refusedValue(error: unknown): string | null {
  for (const each of chainOf(error)) {
    const code = codeOf(each);
    if (code && code in REFUSED_VALUES) return REFUSED_VALUES[code];
  }
  return null;
}

/**
 * Socket and DNS failures (pg and the pool pass a refused or lost connection's error on as it
 * is), and SQLSTATEs of a server that cannot take connections now: connection exceptions
 * (08xxx but the protocol violation above), shutting down or starting up (57P01-57P03), too many
 * connections (53300).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** The pool's acquire timeout (knex turns tarn's TimeoutError into this) and pg's words for a lost connection. */
const UNAVAILABLE_NAMES = new Set(['KnexTimeoutError']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Connection ended|ECONNREFUSED|ECONNRESET|Timeout acquiring a connection|terminating connection|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down|in recovery mode)|too many clients/i;

/** Lost or refused connections and pool timeouts: the caller should retry, nothing is wrong with the request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const each of chainOf(error)) {
    const code = codeOf(each);
    if (code && UNAVAILABLE_CODES.has(code)) return true;
    if (each instanceof ConnectionException || UNAVAILABLE_MESSAGE.test(each.message)) return true;
    if (typeof each.name === 'string' && UNAVAILABLE_NAMES.has(each.name)) return true;
  }
  return false;
}
