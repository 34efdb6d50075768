import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { hubOrmOptions } from '../composition/database';
import { projectRoot } from '../db/orm-options';

/**
 * `npm run migration:create`: applies the committed migrations to a scratch database on the
 * PostgreSQL server, diffs it against the entities, writes the difference as a new migration
 * and lists it in migrations/index.ts.
 */
async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL || 'postgresql://root@127.0.0.1:5432/postgres';
  const scratch = `kexiang_migration_scratch_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${scratch}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${scratch}`;
    const orm = await MikroORM.init(hubOrmOptions({ clientUrl: url.toString(), poolSize: 1 }));
    try {
      const migrator = orm.getMigrator();
      await migrator.up();
      const created = await migrator.createMigration(path.join(projectRoot, 'migrations'), false, false, process.argv[2]);
      if (!created.fileName) {
        console.log('No schema difference: no migration written.');
        return;
      }
      listMigration(created.fileName);
      console.log(`Wrote migrations/${created.fileName}`);
    } finally {
      await orm.close(true);
    }
  } finally {
    await admin.query(`drop database if exists ${scratch}`);
    await admin.end();
  }
}

function listMigration(fileName: string): void {
  const indexPath = path.join(projectRoot, 'migrations', 'index.ts');
  const className = fileName.replace(/\.ts$/, '');
  const source = readFileSync(indexPath, 'utf8')
    .replace(/(import type \{ MigrationObject \} from '@mikro-orm\/core';\n)/, `$1import { ${className} } from './${className}';\n`)
    .replace(/(export const migrationsList: MigrationObject\[\] = \[)([\s\S]*?)(\];)/, (_m, open: string, items: string, close: string) => {
      const entries = items.trim()
        ? `${items.trimEnd()}\n  { name: '${className}', class: ${className} },\n`
        : `\n  { name: '${className}', class: ${className} },\n`;
      return `${open}${entries}${close}`;
    });
  writeFileSync(indexPath, source);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
