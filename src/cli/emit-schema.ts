import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCenterSchema } from '../composition/schema';
import { projectRoot } from '../db/orm-options';
import { printHubSchema } from '../graphql/print-schema';

/** `npm run schema`: writes schema/schema.graphql from the code (a test fails when it is stale). */
async function main(): Promise<void> {
  const target = path.join(projectRoot, 'schema', 'schema.graphql');
  writeFileSync(target, printHubSchema(await buildCenterSchema()));
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
