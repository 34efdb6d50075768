import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { MikroORM } from '@mikro-orm/postgresql';
import { hubOrmOptions } from '../../src/composition/database';
import { buildCenterSchema } from '../../src/composition/schema';
import { printHubSchema } from '../../src/graphql/print-schema';
import { createTestDatabase } from '../support/test-db';

describe('Generated artifacts stay in step with the code', () => {
  test('When the schema is built from the resolvers, then it equals the committed schema/schema.graphql (run `npm run schema`)', async () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(printHubSchema(await buildCenterSchema())).toBe(committed);
  });

  test('When the subgraph SDL is printed, then it equals the committed schema/subgraph.graphql (run `npm run schema`)', async () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema', 'subgraph.graphql'), 'utf8');
    expect(printSubgraphSchema(await buildCenterSchema())).toBe(committed);
  });

  test('When the migrations are applied from empty, then the database matches the entities (run `npm run migration:create`)', async () => {
    const db = await createTestDatabase();
    const orm = await MikroORM.init(hubOrmOptions({ clientUrl: db.url, poolSize: 1 }));
    try {
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
