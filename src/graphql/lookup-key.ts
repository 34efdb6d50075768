import { badInput } from '../shared/domain-error';

/**
 * A lookup by exactly one of its keys (`ticket(id:)` or `ticket(number:)`): both or neither is
 * the caller's mistake, named.
 */
export function lookupKey<K extends string>(keys: Record<K, string | null | undefined>): { field: K; value: string } {
  const given = (Object.entries(keys) as [K, string | null | undefined][]).filter(([, value]) => value !== undefined && value !== null);
  const names = Object.keys(keys).join(' or ');
  if (given.length !== 1) throw badInput(Object.keys(keys)[0], `Look it up by exactly one of ${names}`);
  const [[field, value]] = given;
  return { field, value: value as string };
}
