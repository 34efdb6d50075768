import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gqlAt, startHubProcess } from '../support/hub-process';

const gql = <T>(url: string, query: string, variables: Record<string, unknown> = {}) => gqlAt<T>(url, query, variables, 'kx.duty');

describe('The hub on its embedded default database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kexiang-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('When started without DATABASE_URL, then it seeds demo data; a write survives a restart, and SIGTERM ends it with 0', async () => {
    const first = await startHubProcess({ DATABASE_URL: '', DATA_DIR: dataDir, SEED_TICKETS: '200' });
    let ticketId: string;
    try {
      const seeded = await gql<{ customers: { totalCount: number; edges: { node: { id: string } }[] } }>(
        first.url,
        '{ customers(first: 1) { totalCount edges { node { id } } } }',
      );
      expect(seeded.customers.totalCount).toBeGreaterThanOrEqual(50);
      const opened = await gql<{ openTicket: { id: string } }>(
        first.url,
        'mutation($c: ID!) { openTicket(input: {kind: CONSULTATION, channel: PHONE, title: "重启后还在吗", customerId: $c}) { id } }',
        { c: seeded.customers.edges[0].node.id },
      );
      ticketId = opened.openTicket.id;
    } finally {
      await first.stop();
    }
    const second = await startHubProcess({ DATABASE_URL: '', DATA_DIR: dataDir, SEED_TICKETS: '200' });
    try {
      const read = await gql<{ ticket: { title: string } | null; customers: { totalCount: number } }>(
        second.url,
        'query($id: ID!) { ticket(id: $id) { title } customers { totalCount } }',
        { id: ticketId },
      );
      expect(read.ticket).toEqual({ title: '重启后还在吗' });
      expect(read.customers.totalCount).toBeGreaterThanOrEqual(50);
    } finally {
      await second.stop();
    }
  }, 180_000);
});
