import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { Contact } from './contact.entity';
import { Customer } from './customer.entity';

export const customerLoaders = (em: EntityManager) => ({
  customerById: byIdLoader(em, Customer),
  contactsByCustomer: new DataLoader<string, Row<Contact>[]>(async (customerIds) => {
    const rows = await selectRows(em, Contact, 'customer_id = any(?::uuid[])', [uuidArray(customerIds)], '"primary" desc, name asc');
    return groupBy(customerIds, rows, (c) => c.customer.id);
  }),
});
