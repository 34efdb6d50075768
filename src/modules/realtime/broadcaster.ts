/** A message for every hub: a topic and a small JSON-safe payload (ids and facts, not objects). */
export interface Broadcast {
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * Carries broadcasts to every hub process on the same database, this one included. On
 * PostgreSQL that is LISTEN/NOTIFY; on the embedded database (one process) it stays in memory.
 */
export interface Broadcaster {
  /** Sends one transaction's broadcasts, in order. */
  publish(messages: readonly Broadcast[]): Promise<void>;
  onMessage(handler: (message: Broadcast) => void): void;
  close(): Promise<void>;
}

export class InProcessBroadcaster implements Broadcaster {
  private readonly handlers: ((message: Broadcast) => void)[] = [];

  async publish(messages: readonly Broadcast[]): Promise<void> {
    // Deliver on a later tick, like a real broker would, so publishers never run subscriber code inline.
    const copies = JSON.parse(JSON.stringify(messages)) as Broadcast[];
    setImmediate(() => {
      for (const copy of copies) for (const handler of this.handlers) handler(copy);
    });
  }

  onMessage(handler: (message: Broadcast) => void): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.handlers.length = 0;
  }
}
