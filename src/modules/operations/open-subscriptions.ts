import type { Gauge } from 'prom-client';

/** What a transport tells about its long-lived operations; keyed by connection, as ids repeat across connections. */
export interface SubscriptionObserver {
  opened(connection: object, id: string): void;
  /** called for every operation that ends, subscription or not: only opened ones count */
  ended(connection: object, id: string): void;
}

/**
 * Open subscriptions, counted from graphql-ws's own hooks: one is open from the moment its event
 * stream exists until graphql-ws completes it (the client's complete, the stream's end, an error,
 * or the socket closing: every path passes its onComplete hook).
 */
export class OpenSubscriptions implements SubscriptionObserver {
  private readonly open = new WeakMap<object, Set<string>>();

  constructor(private readonly gauge: Gauge) {}

  opened(connection: object, id: string): void {
    let ids = this.open.get(connection);
    if (!ids) {
      ids = new Set();
      this.open.set(connection, ids);
    }
    if (ids.has(id)) return;
    ids.add(id);
    this.gauge.inc();
  }

  ended(connection: object, id: string): void {
    if (this.open.get(connection)?.delete(id)) this.gauge.dec();
  }
}
