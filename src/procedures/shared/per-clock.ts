import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';

/**
 * A handler factory that gives every procedure the same handler for the same clock. Handler names
 * are one namespace for all diagrams, and two procedures offering one name must offer one handler.
 */
export function perClock(make: (clock: Clock) => ServiceHandler): (clock: Clock) => ServiceHandler {
  const made = new WeakMap<Clock, ServiceHandler>();
  return (clock) => {
    const known = made.get(clock);
    if (known) return known;
    const handler = make(clock);
    made.set(clock, handler);
    return handler;
  };
}
