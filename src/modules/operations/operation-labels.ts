/** Label values that are not operation names: GraphQL names never start with two underscores and a lowercase word like these. */
export const ANONYMOUS_OPERATION = '__anonymous';
export const OTHER_OPERATION = '__other';
/** the hub never learned the operation: a refused token, a body that is not GraphQL, a document that failed to parse or validate */
export const UNKNOWN_OPERATION = '__unknown';
export const UNKNOWN_TYPE = 'unknown';

/**
 * Bounds the `operation` label. Every distinct label value is a time series Prometheus stores
 * and this process keeps in memory, and operation names are chosen by clients: a token holder
 * sending `query r4nd0m1 { ... }` in a loop would otherwise grow both without end. The first
 * `max` names seen keep their own series (the hub's clients use a fixed set of operations, so
 * these are theirs); later names share `__other`. Only operations that passed authentication and
 * validation reach here, so an anonymous attacker cannot use up the slots.
 */
export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(private readonly max: number) {}

  labelOf(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.known.has(name)) return name;
    if (this.known.size >= this.max) return OTHER_OPERATION;
    this.known.add(name);
    return name;
  }

  get size(): number {
    return this.known.size;
  }
}
