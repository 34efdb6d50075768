import { Client } from 'pg';
import { attachmentsUrl, downloadAttachment, samplePdf, uploadAttachment } from '../support/attachments';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';

const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';

describe('A document on file is never deleted and never changes, whoever asks the database', () => {
  let t: TestHub;
  let world: World;
  let sql: Client;
  let ticketId: string;
  let otherTicketId: string;

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t, { circuitCount: 1 });
    const open = async () =>
      (
        await t.ok<{ openTicket: { id: string } }>(
          OPEN,
          { input: { kind: 'HANDOVER_ACCEPTANCE', channel: 'PHONE', title: '交维验收', customerId: world.customer.id } },
          world.duty.code,
        )
      ).openTicket.id;
    ticketId = await open();
    otherTicketId = await open();
    // As an operator in psql would: straight to the database, past the hub.
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await t.stop();
  });

  const refusal = (statement: string, params: unknown[] = []) =>
    sql.query(statement, params).then(
      () => 'done',
      (err: { code?: string; message: string }) => `${err.code}: ${err.message}`,
    );

  test('When a row is deleted or the table truncated, then the database refuses and the row stays', async () => {
    const id = await uploadAttachment(t, world.duty.code, { name: '竣工图.pdf', contentType: 'application/pdf', body: samplePdf() });
    expect(await refusal('delete from attachment where id = $1', [id])).toMatch(/^23001: attachment .* is never deleted/);
    expect(await refusal('delete from attachment')).toMatch(/^23001: /);
    expect(await refusal('truncate attachment')).toMatch(/^23001: attachments are never deleted/);
    expect((await sql.query('select count(*)::int as n from attachment where id = $1', [id])).rows[0].n).toBe(1);
  });

  test('When the bytes, the hash or the size are changed, then the database refuses; attaching it once is allowed, moving it is not', async () => {
    const body = samplePdf();
    const id = await uploadAttachment(t, world.duty.code, { name: '测试报告.pdf', contentType: 'application/pdf', body });
    expect(await refusal("update attachment set content = 'x'::bytea where id = $1", [id])).toMatch(/^23001: the bytes of attachment/);
    expect(await refusal("update attachment set sha256 = 'forged' where id = $1", [id])).toMatch(/^23001: /);
    expect(await refusal('update attachment set size = 1 where id = $1', [id])).toMatch(/^23001: /);
    expect(await refusal('update attachment set ticket_id = $2, attached_at = now() where id = $1', [id, ticketId])).toBe('done');
    expect(await refusal('update attachment set ticket_id = $2 where id = $1', [id, otherTicketId])).toMatch(
      /^23001: attachment .* stays on ticket/,
    );
    expect(await refusal('update attachment set ticket_id = null where id = $1', [id])).toMatch(/^23001: /);
    // A ticket with documents on file cannot be deleted from under them either.
    expect(await refusal('delete from ticket where id = $1', [ticketId])).not.toBe('done');
    const { rows } = await sql.query<{ content: Buffer; ticket_id: string }>('select content, ticket_id from attachment where id = $1', [
      id,
    ]);
    expect(rows[0].content.equals(body)).toBe(true);
    expect(rows[0].ticket_id).toBe(ticketId);
  });

  test('When the API is asked to delete, then there is no way: no mutation, and DELETE /attachments/:id is 405', async () => {
    const mutations = Object.keys(t.hub.schema.getMutationType()?.getFields() ?? {});
    expect(mutations.filter((name) => /attach/i.test(name))).toEqual(['attachToTicket']);
    const id = await uploadAttachment(t, world.duty.code, { name: '方案.pdf', contentType: 'application/pdf', body: samplePdf() });
    const res = await fetch(`${attachmentsUrl(t)}/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await tokenFor('admin')}` },
    });
    expect(res.status).toBe(405);
    expect((await downloadAttachment(t, 'admin', id)).status).toBe(200);
  });
});
