/** A fact the domain announces after its transaction commits. */
export interface DomainEvent {
  readonly type: string;
  readonly at: Date;
}

/** Gets the events of one committed transaction, in the order they happened. */
type Handler = (events: readonly DomainEvent[]) => void | Promise<void>;

/**
 * In-process bus for domain events. Services hand events to a unit of work, which publishes them
 * only after commit, so a subscriber never sees a change that was rolled back.
 */
export class EventBus {
  private readonly handlers = new Set<Handler>();

  subscribe(handler: Handler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Hands one transaction's events to every subscriber at once (a hub sends them in one NOTIFY statement). */
  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const handler of this.handlers) {
      try {
        await handler(events);
      } catch (err) {
        // A failing subscriber must not undo or block a committed change.
        console.error(`event handler failed for ${events.map((e) => e.type).join(', ')}:`, err);
      }
    }
  }
}
