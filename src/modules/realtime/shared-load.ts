/**
 * One database read per event per hub, shared by every subscriber it is delivered to: a thousand
 * dashboards watching tickets cost one load of the changed ticket, not a thousand.
 */
export class SharedLoads<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(private readonly keep = 256) {}

  load(key: string, read: () => Promise<T>): Promise<T> {
    let found = this.inFlight.get(key);
    if (!found) {
      found = read();
      this.inFlight.set(key, found);
      // Events are delivered to all subscribers within moments; old keys make room for new ones.
      if (this.inFlight.size > this.keep) this.inFlight.delete(this.inFlight.keys().next().value as string);
    }
    return found;
  }
}
