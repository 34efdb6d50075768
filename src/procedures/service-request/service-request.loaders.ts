import type { EntityManager } from '@mikro-orm/postgresql';
import { RecordLoader } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { ServiceRequestIntake } from './service-request-intake.entity';

type IntakeLoader = RecordLoader<string, Row<ServiceRequestIntake> | null>;

// One loader per request's EntityManager (each request and subscription event has its own), kept
// here so the procedure's folder stays its own: a page of tickets costs one statement, not one each.
const loaders = new WeakMap<EntityManager, IntakeLoader>();

/** The intake record of each ticket (null for tickets this procedure did not take in). */
export function intakeByTicket(em: EntityManager): IntakeLoader {
  let loader = loaders.get(em);
  if (!loader) {
    loader = new RecordLoader(async (ticketIds) => {
      const rows = await selectRows(em, ServiceRequestIntake, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)]);
      return ticketIds.map((id) => rows.find((row) => row.ticketId === id) ?? null);
    });
    loaders.set(em, loader);
  }
  return loader;
}
