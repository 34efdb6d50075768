import type { EntityManager } from '@mikro-orm/postgresql';
import { attachmentLoaders } from '../modules/attachments/attachment.loaders';
import { circuitLoaders } from '../modules/circuits/circuit.loaders';
import { customerLoaders } from '../modules/customers/customer.loaders';
import { historyLoaders } from '../modules/history/history.loaders';
import { importLoaders } from '../modules/imports/import.loaders';
import { notificationLoaders } from '../modules/notifications/notification.loaders';
import { orgLoaders } from '../modules/org/org.loaders';
import { processLoaders } from '../modules/processes/process.loaders';
import { slaLoaders } from '../modules/sla/sla.loaders';
import { ticketLoaders } from '../modules/tickets/ticket.loaders';
import { cutoverLoaders } from '../procedures/cutover-notice/cutover.loaders';
import { handoverLoaders } from '../procedures/handover-acceptance/handover-acceptance.loaders';

/** Every request's DataLoaders: the modules' and the procedures'. */
export const createLoaders = (em: EntityManager) => {
  const org = orgLoaders(em);
  return {
    ...org,
    ...customerLoaders(em),
    ...circuitLoaders(em),
    ...ticketLoaders(em),
    ...historyLoaders(em, org.userById),
    ...processLoaders(em),
    ...slaLoaders(em),
    ...notificationLoaders(em),
    ...handoverLoaders(em),
    ...attachmentLoaders(em),
    ...cutoverLoaders(em),
    ...importLoaders(em),
  };
};

declare module '../graphql/context' {
  interface HubLoaders extends ReturnType<typeof createLoaders> {}
}
