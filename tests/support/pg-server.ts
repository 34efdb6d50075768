/** The PostgreSQL server tests use: the machine's, unless TEST_PG_URL names another. */
export const serverUrl = process.env.TEST_PG_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';

/** Names of test databases start with this; two checkouts testing at once on one server use different ones. */
export const TEST_DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'kexiang_test';

export const TEMPLATE_DB = `${TEST_DB_PREFIX}_template`;

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
