import path from 'node:path';
import { type LoggerOptions, ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { migrationsList } from '../../migrations';
import type { Logger } from '../shared/logger';
import { SqlLogger } from './sql-logger';

/** The project root, whether running from sources (src/db) or from the build (dist/src/db). */
export const projectRoot = (() => {
  const up = path.resolve(__dirname, '..', '..');
  return path.basename(up) === 'dist' ? path.dirname(up) : up;
})();

export interface OrmOptionsInput {
  clientUrl: string;
  /** the entities to map (the composition root lists them: src/composition/entities.ts) */
  entities: NonNullable<Options['entities']>;
  poolSize: number;
  logSql?: boolean;
  /** PostgreSQL cancels any statement running longer (0: no limit) */
  statementTimeoutMs?: number;
  /** where MikroORM's lines go (LOG_SQL statements among them), as JSON; its own coloured text otherwise */
  logger?: Logger;
}

/** One place that says how the hub talks to PostgreSQL; the CLI config uses it too. */
export function ormOptions(input: OrmOptionsInput): Options {
  const { logger } = input;
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: input.clientUrl,
    // Bounds the execution time of every request's SQL: a runaway query is cancelled, not waited for.
    driverOptions: input.statementTimeoutMs ? { connection: { statement_timeout: input.statementTimeoutMs } } : {},
    entities: input.entities,
    metadataProvider: ReflectMetadataProvider,
    // A request waits at most 5 s for a connection, so an outage gives errors, not hung requests.
    pool: { min: 0, max: input.poolSize, acquireTimeoutMillis: 5000 },
    // Relations resolve through per-request DataLoaders, not lazily inside the ORM.
    forceUndefined: true,
    allowGlobalContext: false,
    debug: input.logSql ? ['query'] : false,
    ...(logger ? { loggerFactory: (options: LoggerOptions) => new SqlLogger(options, logger) } : {}),
    extensions: [Migrator],
    migrations: {
      // The list is imported, not scanned, so sources (Jest) and the build load the same files.
      migrationsList,
      path: path.join(projectRoot, 'migrations'),
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
      emit: 'ts',
    },
  });
}
