import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gqlAt, startHubProcess } from '../support/hub-process';

const gql = <T>(url: string, query: string, variables: Record<string, unknown> = {}) => gqlAt<T>(url, query, variables, 'kx.duty');

describe('The hub on its embedded default database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kexiang-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('When started without DATABASE_URL, then it seeds demo data; a write and a process step survive a restart, and SIGTERM ends it with 0', async () => {
    const first = await startHubProcess({ DATABASE_URL: '', DATA_DIR: dataDir, SEED_TICKETS: '200' });
    let ticketId: string;
    let instanceId: string;
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
      // The runner's steps use the transaction's one connection (PGlite serves one at a time).
      const started = await gql<{ startProcess: { id: string; tasks: { id: string; elementId: string }[] } }>(
        first.url,
        'mutation($bk: String!) { startProcess(key: "fault-handling", businessKey: $bk) { id tasks { id elementId } } }',
        { bk: ticketId },
      );
      instanceId = started.startProcess.id;
      expect(started.startProcess.tasks).toEqual([{ id: expect.any(String), elementId: 'acknowledge' }]);
      const done = await gql<{ completeTask: { status: string } }>(
        first.url,
        'mutation($id: ID!) { completeTask(id: $id, variables: {impact: true}) { status } }',
        { id: started.startProcess.tasks[0].id },
      );
      expect(done.completeTask.status).toBe('COMPLETED');
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
      const instance = await gql<{ processInstance: { status: string; tasks: { elementId: string }[] } }>(
        second.url,
        'query($id: ID!) { processInstance(id: $id) { status tasks { elementId } } }',
        { id: instanceId },
      );
      expect(instance.processInstance).toEqual({ status: 'WAITING', tasks: [{ elementId: 'diagnose' }] });
    } finally {
      await second.stop();
    }
  }, 180_000);
});
