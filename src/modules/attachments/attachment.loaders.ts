import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { Attachment } from './attachment.entity';

/** The attachments of a page of tickets in one statement, without their bytes (a lazy column). */
export const attachmentLoaders = (em: EntityManager) => ({
  attachmentsByTicket: new DataLoader<string, Row<Attachment>[]>(async (ticketIds) => {
    const rows = await selectRows(em, Attachment, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)], 'attached_at asc, id asc');
    return groupBy(ticketIds, rows, (a) => a.ticket?.id ?? '');
  }),
});
