import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildCenterSchema } from '../composition/schema';
import { projectRoot } from '../db/orm-options';
import { printHubSchema } from '../graphql/print-schema';

/**
 * `npm run schema`: writes schema/schema.graphql (the API) and schema/subgraph.graphql (what a
 * supergraph composes: `_service { sdl }`) from the code; a test fails when either is stale.
 */
async function main(): Promise<void> {
  const schema = await buildCenterSchema();
  for (const [file, text] of [
    ['schema.graphql', printHubSchema(schema)],
    ['subgraph.graphql', printSubgraphSchema(schema)],
  ] as const) {
    const target = path.join(projectRoot, 'schema', file);
    writeFileSync(target, text);
    console.log(`Wrote ${path.relative(process.cwd(), target)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
