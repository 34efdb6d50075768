import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { type OrmOptionsInput, ormOptions } from './orm-options';

export interface Database {
  readonly orm: MikroORM;
  /** true when running on the embedded PGlite rather than a PostgreSQL server */
  readonly embedded: boolean;
  /** where the database is, for connections of its own (LISTEN) */
  readonly url: string;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded database, then applies pending migrations. */
export async function openDatabase(
  config: Config,
  entities: OrmOptionsInput['entities'],
  logger?: OrmOptionsInput['logger'],
): Promise<Database> {
  const embedded: EmbeddedPostgres | undefined = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const clientUrl = embedded?.url ?? config.databaseUrl;
  const poolSize = embedded ? 1 : config.dbPoolSize;
  const orm = await MikroORM.init(
    ormOptions({ clientUrl, poolSize, logSql: config.logSql, statementTimeoutMs: config.statementTimeoutMs, entities, logger }),
  );
  try {
    await orm.getMigrator().up();
  } catch (err) {
    await orm.close(true);
    await embedded?.stop();
    throw err;
  }
  return {
    orm,
    embedded: embedded !== undefined,
    url: clientUrl,
    close: async () => {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
