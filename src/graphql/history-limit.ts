import { badInput } from '../shared/domain-error';

/** `history(last: n)`: the newest n events, 1 to 100; all of them when n is omitted. */
export function historyLimit(last: number | undefined | null): number | null {
  if (last === undefined || last === null) return null;
  if (last < 1 || last > 100) throw badInput('last', 'last must be between 1 and 100');
  return last;
}
