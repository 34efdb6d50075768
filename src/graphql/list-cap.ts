import { Extensions } from 'type-graphql';

/**
 * A list field without paging declares the most items it returns: the cost rule prices it by
 * that number (cost-rule.ts) and the resolver cuts the list there, so what an operation may
 * return is known before it runs.
 */
export const MaxItems = (maxItems: number) => Extensions({ maxItems });

/**
 * A list read together with its parent (a JSON column, or rows the parent's own statement read):
 * it costs no statements of its own, so the cost rule prices it as one item; the answer-size cap
 * bounds how long it may be.
 */
export const HeldInRow = () => Extensions({ heldInRow: true });

/** The first `max` items (a list field's cap at run time). */
export async function capList<T>(items: Promise<T[]> | T[], max: number): Promise<T[]> {
  const all = await items;
  return all.length > max ? all.slice(0, max) : all;
}

/** The caps, named once so descriptions, resolvers and tests agree. */
export const LIST_CAPS = {
  customerCircuits: 200,
  ticketCircuits: 50,
  contacts: 50,
  history: 100,
  reports: 20,
  instanceTasks: 50,
  instanceActivities: 500,
  statusCounts: 10,
} as const;
