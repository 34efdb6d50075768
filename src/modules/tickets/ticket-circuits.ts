import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../db/find-by-id';
import { badInput } from '../../shared/domain-error';
import { Circuit } from '../circuits/circuit.entity';

/** The circuits named by a ticket: every one must exist and belong to the ticket's customer. */
export async function requireCircuits(em: EntityManager, ids: readonly string[], customerId: string): Promise<Circuit[]> {
  const unique = [...new Set(ids)];
  const malformed = unique.find((id) => !isUuid(id));
  if (malformed) throw badInput('circuitIds', `No circuit with id ${malformed}`);
  if (unique.length === 0) return [];
  const circuits = await em.find(Circuit, { id: { $in: unique } });
  const missing = unique.find((id) => !circuits.some((c) => c.id === id));
  if (missing) throw badInput('circuitIds', `No circuit with id ${missing}`);
  const foreign = circuits.find((c) => c.customer.id !== customerId);
  if (foreign) throw badInput('circuitIds', `Circuit ${foreign.code} belongs to another customer`);
  return circuits;
}
