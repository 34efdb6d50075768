import { buildMessage, Length, Matches, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { DATE_RANGE, hasNulCharacter, isDateInRange } from '../shared/input-checks';

/** Refuses text holding U+0000, which PostgreSQL cannot store in text or jsonb. */
export const NoNulCharacter = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'noNulCharacter',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasNulCharacter(value),
        defaultMessage: buildMessage((each) => `${each}$property must not contain the NUL character (\\u0000)`, options),
      },
    },
    options,
  );

/**
 * A text input of at most `max` characters (at least `min` when given, and then not only
 * spaces), without NUL. Every string input carries one, so no text reaches the database unbounded.
 */
export const Text =
  (max: number, options: { min?: number; each?: boolean } = {}): PropertyDecorator =>
  (target, key) => {
    // `each`: a list of texts, every one bounded the same way.
    const each = { each: options.each };
    (options.min ? Length(options.min, max, each) : MaxLength(max, each))(target, key);
    if (options.min) Matches(/\S/, { message: '$property must not be blank', ...each })(target, key);
    NoNulCharacter(each)(target, key);
  };

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A date-time PostgreSQL and JavaScript both hold: from 1900-01-01 to 9999-12-31 (UTC). */
export const InDateRange = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'inDateRange',
      validator: {
        validate: (value: unknown) => !(value instanceof Date) || isDateInRange(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be between ${day(DATE_RANGE.min)} and ${day(DATE_RANGE.max)}`,
          options,
        ),
      },
    },
    options,
  );
