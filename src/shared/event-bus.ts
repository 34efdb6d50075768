/** A fact the domain announces after its transaction commits. */
export interface DomainEvent {
  readonly type: string;
  readonly at: Date;
}

type Handler = (event: DomainEvent) => void | Promise<void>;

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

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.handlers) {
        try {
          await handler(event);
        } catch (err) {
          // A failing subscriber must not undo or block a committed change.
          console.error(`event handler failed for ${event.type}:`, err);
        }
      }
    }
  }
}
