import type { MikroORM } from '@mikro-orm/postgresql';
import { Customer } from '../modules/customers/customer.entity';
import { type SeedOptions, seedDemoData } from './seeder';

/** Loads the demo center on first start: only when the database holds no customer at all. */
export async function seedIfEmpty(orm: MikroORM, options: SeedOptions): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(Customer, {})) > 0) return false;
  await seedDemoData(orm, options);
  return true;
}
