/** The codes a caller can act on; the GraphQL layer copies them into `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
}

export type ErrorDetails = Record<string, string | number | boolean | readonly string[] | null>;

/** An expected failure of a domain operation. Domain code throws these and never imports GraphQL. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string, details: ErrorDetails = {}): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field, ...details });

export const notFound = (type: string, id: string): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, `${type} ${id} does not exist`, { type, id });

export const staleVersion = (type: string, id: string, expected: number, actual: number): DomainError =>
  new DomainError(
    ErrorCode.CONFLICT,
    `${type} ${id} was changed by someone else (you read version ${expected}, it is now ${actual}); read it again and retry`,
    { type, id, expectedVersion: expected, actualVersion: actual },
  );
