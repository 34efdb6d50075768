import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/db/orm-options';
import { printHubSchema } from '../../src/graphql/print-schema';
import { buildHubSchema } from '../../src/graphql/schema';
import { createTestDatabase } from '../support/test-db';

describe('Generated artifacts stay in step with the code', () => {
  test('When the schema is built from the resolvers, then it equals the committed schema/schema.graphql (run `npm run schema`)', async () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(printHubSchema(await buildHubSchema())).toBe(committed);
  });

  test('When the migrations are applied from empty, then the database matches the entities (run `npm run migration:create`)', async () => {
    const db = await createTestDatabase();
    const orm = await MikroORM.init(ormOptions({ clientUrl: db.url, poolSize: 1 }));
    try {
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
