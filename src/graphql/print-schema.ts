import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** The committed SDL: sorted, so its diff shows real changes and not reordering. */
export const printHubSchema = (schema: GraphQLSchema): string =>
  `# Generated from the code by \`npm run schema\`. Do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
