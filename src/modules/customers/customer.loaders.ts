import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../db/batch-loaders';
import { Contact } from './contact.entity';
import { Customer } from './customer.entity';

export const customerLoaders = (em: EntityManager) => ({
  customerById: byIdLoader(em, Customer),
  contactsByCustomer: new DataLoader<string, Contact[]>(async (customerIds) => {
    const rows = await em.find(Contact, { customer: { $in: [...customerIds] } }, { orderBy: { primary: 'desc', name: 'asc' } });
    return groupBy(customerIds, rows, (c) => c.customer.id);
  }),
});
