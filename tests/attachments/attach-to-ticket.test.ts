import { samplePdf, uploadAttachment } from '../support/attachments';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
const ATTACH = `mutation($t: ID!, $ids: [ID!]!) { attachToTicket(ticketId: $t, attachmentIds: $ids) {
  id attachments { id name size sha256 url uploadedBy { code } } } }`;
const ATTACHMENT = 'query($id: ID!) { attachment(id: $id) { id name url } }';

interface Attached {
  attachToTicket: { id: string; attachments: { id: string; name: string; url: string; uploadedBy: { code: string } }[] };
}

describe('Uploads are attached to one ticket and read by whoever may see it', () => {
  let t: TestHub;
  let world: World;
  let other: World;
  let staff: { ops: string; kx: string; sales: string };
  let ticketId: string;
  let secondTicketId: string;
  let otherTicketId: string;

  const pdf = (as: string, name: string, ticket?: string) =>
    uploadAttachment(t, as, { name, contentType: 'application/pdf', body: samplePdf(name), ticketId: ticket });

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t, { circuitCount: 1 });
    other = await makeWorld(t, { circuitCount: 1 });
    staff = await makeStaff(t);
    const open = async (w: World) =>
      (
        await t.ok<{ openTicket: { id: string } }>(
          OPEN,
          { input: { kind: 'HANDOVER_ACCEPTANCE', channel: 'PHONE', title: '交维验收', customerId: w.customer.id } },
          w.duty.code,
        )
      ).openTicket.id;
    ticketId = await open(world);
    secondTicketId = await open(world);
    otherTicketId = await open(other);
  });
  afterAll(() => t.stop());

  test('When staff attach their own uploads, then the ticket lists them; attaching again is no change', async () => {
    const drawing = await pdf(world.duty.code, '竣工图.pdf');
    const report = await pdf(world.duty.code, '测试报告.pdf');
    const first = await t.ok<Attached>(ATTACH, { t: ticketId, ids: [drawing, report] }, world.duty.code);
    // Attached in one call, they share their attachment time: listed in id order then.
    const byId = (rows: string[][]) => [...rows].sort((x, y) => x[0].localeCompare(y[0]));
    expect(first.attachToTicket.attachments.map((a) => [a.id, a.url, a.uploadedBy.code])).toEqual(
      byId([
        [drawing, `/attachments/${drawing}`, world.duty.code],
        [report, `/attachments/${report}`, world.duty.code],
      ]),
    );
    const again = await t.ok<Attached>(ATTACH, { t: ticketId, ids: [report] }, world.duty.code);
    expect(again.attachToTicket.attachments.map((a) => a.id)).toEqual([drawing, report].sort());
  });

  test('When an attachment is on another ticket, then attaching it is CONFLICT and it stays where it is', async () => {
    const form = await pdf(world.duty.code, '验收单.pdf', ticketId);
    const res = await t.gql(ATTACH, { t: secondTicketId, ids: [form] }, world.duty.code);
    expect(codesOf(res)).toEqual(['CONFLICT']);
    const { ticket } = await t.ok<{ ticket: { attachments: { id: string }[] } }>(
      'query($id: ID!) { ticket(id: $id) { attachments { id } } }',
      {
        id: ticketId,
      },
    );
    expect(ticket.attachments.map((a) => a.id)).toContain(form);
  });

  test("When staff attach someone else's unattached upload, or an unknown id, then nothing is attached", async () => {
    const theirs = await pdf(staff.kx, '方案.pdf');
    const mine = await pdf(world.duty.code, '我的.pdf');
    // Not theirs to see: it looks as if it did not exist.
    expect(codesOf(await t.gql(ATTACH, { t: secondTicketId, ids: [mine, theirs] }, world.duty.code))).toEqual(['NOT_FOUND']);
    // An administrator sees it, but only its uploader attaches it.
    expect(codesOf(await t.gql(ATTACH, { t: secondTicketId, ids: [theirs] }, 'admin'))).toEqual(['FORBIDDEN']);
    expect(codesOf(await t.gql(ATTACH, { t: secondTicketId, ids: ['00000000-0000-4000-8000-000000000000'] }, world.duty.code))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codesOf(await t.gql(ATTACH, { t: secondTicketId, ids: ['x'] }, world.duty.code))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await t.gql(ATTACH, { t: secondTicketId, ids: [] }, world.duty.code))).toEqual(['BAD_USER_INPUT']);
    const { ticket } = await t.ok<{ ticket: { attachments: unknown[] } }>('query($id: ID!) { ticket(id: $id) { attachments { id } } }', {
      id: secondTicketId,
    });
    expect(ticket.attachments).toEqual([]);
  });

  test.each(TRANSPORTS)('When a customer token attaches over %s, then it is FORBIDDEN', async (transport) => {
    const id = await pdf(world.duty.code, '客户不能附加.pdf');
    for (const customerId of [world.customer.id, other.customer.id]) {
      const answer = await over(transport, t, { query: ATTACH, variables: { t: ticketId, ids: [id] } }, { customerId });
      expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    }
  });

  test.each(
    TRANSPORTS,
  )("When customer tokens read an attachment over %s, then its own customer's ticket's is shown and another's is null", async (transport) => {
    const own = await pdf(world.duty.code, '验收报告.pdf', ticketId);
    const others = await pdf(other.duty.code, '验收报告.pdf', otherTicketId);
    const read = async (id: string, customerId: string) =>
      (await over(transport, t, { query: ATTACHMENT, variables: { id } }, { customerId })).data?.attachment ?? null;
    expect(await read(own, world.customer.id)).toEqual({ id: own, name: '验收报告.pdf', url: `/attachments/${own}` });
    expect(await read(others, world.customer.id)).toBeNull();
    expect(await read(own, other.customer.id)).toBeNull();
    // Through the ticket too: another customer's ticket is not theirs to read, its documents neither.
    const viaTicket = await over(
      transport,
      t,
      { query: 'query($id: ID!) { ticket(id: $id) { attachments { id } } }', variables: { id: otherTicketId } },
      { customerId: world.customer.id },
    );
    expect(viaTicket.data?.ticket ?? null).toBeNull();
  });

  test('When a page of tickets lists their attachments, then they are read in one statement, not one per ticket', async () => {
    for (const id of [ticketId, secondTicketId]) await pdf(world.duty.code, '批量.pdf', id);
    const page = (withAttachments: boolean) =>
      `{ tickets(first: 50) { edges { node { id ${withAttachments ? 'attachments { id name uploadedBy { code } }' : ''} } } } }`;
    const without = await t.countStatements(() => t.ok(page(false)));
    let listed = 0;
    const withThem = await t.countStatements(async () => {
      const data = await t.ok<{ tickets: { edges: { node: { attachments: unknown[] } }[] } }>(page(true));
      listed = data.tickets.edges.reduce((n, e) => n + e.node.attachments.length, 0);
    });
    expect(listed).toBeGreaterThanOrEqual(4);
    // One for the attachments; the uploaders are one more at most (batched, or held already).
    expect(withThem.count - without.count).toBeLessThanOrEqual(2);
    expect(withThem.statements.filter((s) => /from "attachment"/.test(s))).toHaveLength(1);
    // The bytes never come with the list.
    expect(withThem.statements.filter((s) => /"content"/.test(s))).toEqual([]);
  });
});
