import type { AppContext } from './context';

/** What a graphql-ws client sent to subscribe: the document's text, the operation picked, its variables. */
export interface SubscribeRequest {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Readonly<Record<string, unknown>> | null;
}

/**
 * Everything of a request's context that a subscription's filter and resolvers can read, so two
 * subscribers with the same key get the same results and may share one execution:
 * - the actor's kind and customer: a customer token sees only its customer's tickets (filters and
 *   `history` narrow by it), so two customers, or a customer and staff, never share;
 * - the user's identity (code and id): results depend on who subscribed, e.g. `taskChanged(filter:
 *   { mine: true })` is "assigned to me", and a contractor hears of its own tasks whatever it asks;
 * - the roles and department: access checks and "my department" read them, and a user whose roles
 *   changed must not join a group still running with the old ones.
 * A customer token's own subject is not in the context (the actor keeps only the customer), so
 * two integrators of one customer compute identical results and share.
 */
export function scopeKeyOf(context: AppContext): string {
  const { actor, principal } = context;
  return JSON.stringify([
    actor.kind,
    actor.customerId,
    actor.userCode,
    principal?.id ?? null,
    principal ? [...principal.roles].sort() : null,
    principal?.departmentCode ?? null,
  ]);
}

/**
 * Subscribers share an execution only when all of this is equal, text for text: the document as
 * sent (not its meaning: two spellings of one query just do not share), the operation picked,
 * the variables and the scope. No variables, `null` and `{}` are one case (graphql-js reads all
 * three as no variables; clients differ in which they send).
 */
export function sharingKeyOf(request: SubscribeRequest, context: AppContext): string {
  const variables = request.variables && Object.keys(request.variables).length > 0 ? request.variables : null;
  return JSON.stringify([request.query, request.operationName ?? null, variables, scopeKeyOf(context)]);
}
