import type { Config } from '../config/config';
import { type Database, openDatabase } from '../db/database';
import { type OrmOptionsInput, ormOptions } from '../db/orm-options';
import { entities } from './entities';

/** The hub's database: the db kit's connection, migrations and options, with the hub's entities. */
export const openHubDatabase = (config: Config, logger?: OrmOptionsInput['logger']): Promise<Database> =>
  openDatabase(config, entities, logger);

/** The ORM options for the hub's entities (the MikroORM CLI, tests and benchmarks). */
export const hubOrmOptions = (input: Omit<OrmOptionsInput, 'entities'>) => ormOptions({ ...input, entities });
