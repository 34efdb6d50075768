/** The PostgreSQL server tests use: the machine's, unless TEST_PG_URL names another. */
export const serverUrl = process.env.TEST_PG_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';

export const TEMPLATE_DB = 'kexiang_test_template';

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
