import { badInput } from '../shared/domain-error';
import { LIST_CAPS } from './list-cap';

/** `history(last: n)`: the newest n events, 1 to 100; the newest 100 when n is omitted. */
export function historyLimit(last: number | undefined | null): number {
  if (last === undefined || last === null) return LIST_CAPS.history;
  if (last < 1 || last > LIST_CAPS.history) throw badInput('last', `last must be between 1 and ${LIST_CAPS.history}`);
  return last;
}
