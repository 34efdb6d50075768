import type { Clock } from '../../shared/clock';
import type { ServiceRegistry } from './engine/service-registry';

/**
 * Service-task handlers every hub offers to diagrams. More come with the procedures; each
 * must be safe to call twice (a retried step calls it again).
 */
export function registerDomainHandlers(registry: ServiceRegistry, clock: Clock): void {
  const offer = (name: string, handler: Parameters<ServiceRegistry['register']>[1]) => {
    if (!registry.get(name)) registry.register(name, handler);
  };
  // 催办: record when a late department was chased; the console and the measures read it.
  offer('chaseDepartment', async (call) => {
    const chased = Array.isArray(call.variables.chasedAt) ? (call.variables.chasedAt as string[]) : [];
    return { chasedAt: [...chased, clock.now().toISOString()] };
  });
}
