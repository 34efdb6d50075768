import { isUuid } from '../db/find-by-id';
import { badInput } from './domain-error';

/**
 * How long text a client may send, in characters. The GraphQL inputs carry these as validators;
 * services check arguments that are not inputs (a note, a reason) with `checkText`.
 */
export const TEXT_LIMITS = {
  /** codes of customers, circuits, departments, users (their patterns are stricter still) */
  code: 100,
  /** names of people and departments, industries, contacts' job titles */
  shortName: 100,
  /** names of customers, addresses (A and Z end), ticket and report titles, search text */
  name: 200,
  title: 200,
  search: 200,
  /** idempotency keys, business keys, process keys, message names */
  key: 200,
  email: 254,
  phone: 40,
  /** descriptions, notes, reasons, explanations */
  text: 4000,
  /** the content of a submitted report */
  report: 20000,
  /** a pagination cursor (`after`) */
  cursor: 2000,
} as const;

/** The earliest and latest instants an input may carry: PostgreSQL and JavaScript agree on these. */
export const DATE_RANGE = { min: new Date('1900-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z') } as const;

/** PostgreSQL refuses U+0000 in text (and in JSON strings stored as jsonb). */
export const hasNulCharacter = (text: string): boolean => text.includes('\u0000');

export const isDateInRange = (value: Date): boolean =>
  !Number.isNaN(value.getTime()) && value.getTime() >= DATE_RANGE.min.getTime() && value.getTime() <= DATE_RANGE.max.getTime();

/** Refuses, naming `field`, an id that is not a UUID (every record id is one). */
export function checkId(field: string, value: string): void {
  if (!isUuid(value)) throw badInput(field, `${field} must be an id (UUID)`);
}

/** Refuses, naming `field`, text with a NUL character or longer than `max` characters. */
export function checkText(field: string, value: string, max: number): void {
  if (hasNulCharacter(value)) throw badInput(field, `${field} must not contain the NUL character (\\u0000)`);
  if (value.length > max) throw badInput(field, `${field} must be at most ${max} characters`, { maxLength: max });
}
