import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

const OPEN = `mutation($input: OpenTicketInput!) {
  openTicket(input: $input) {
    id number status version kind channel priority responseDueAt resolutionDueAt reportDueAt
    customer { id } circuits { id code } ownerDepartment { code } createdBy { code } allowedTransitions
    history { action actor { code } changes { field from to } }
  }
}`;
const TRANSITION = `mutation($input: TransitionTicketInput!) {
  transitionTicket(input: $input) { id status version respondedAt resolvedAt closedAt history(last: 1) { action note changes { field from to } } }
}`;
const READ = `query($id: ID!) { ticket(id: $id) { id status version title history { action } reports { kind onTime } } }`;

type Ticket = Record<string, unknown> & { id: string; version: number; status: string };

describe('Ticket lifecycle through the GraphQL API', () => {
  let t: TestHub;
  let world: World;

  beforeAll(async () => {
    // The TMF621 state machine itself, moved by hand: no ticket here starts a procedure.
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t, { level: 'GOLD', circuitCount: 3 });
  });
  afterAll(() => t.stop());

  const open = (extra: Record<string, unknown> = {}) =>
    t.gql<{ openTicket: Ticket }>(
      OPEN,
      {
        input: {
          kind: 'FAULT',
          channel: 'PHONE',
          title: '专线中断',
          customerId: world.customer.id,
          circuitIds: [world.circuits[0].id],
          ...extra,
        },
      },
      world.duty.code,
    );

  const openOk = async (extra: Record<string, unknown> = {}) => {
    const res = await open(extra);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.openTicket;
  };

  test('When a fault is opened, then it is acknowledged with a number, deadlines from the SLA and a CREATED history entry by its author', async () => {
    const ticket = await openOk({ priority: 'HIGH' });
    expect(ticket.number).toMatch(/^KX-2026-\d{6}$/);
    expect(ticket.status).toBe('acknowledged');
    expect(ticket.ownerDepartment).toEqual({ code: 'KX' });
    expect(ticket.createdBy).toEqual({ code: world.duty.code });
    expect(ticket.circuits).toEqual([world.circuits[0]]);
    // Gold fault opened at 2026-03-02 09:00 +08:00: respond in 30 min, restore in 4 h (round the clock).
    expect(ticket.responseDueAt).toBe('2026-03-02T01:30:00.000Z');
    expect(ticket.resolutionDueAt).toBe('2026-03-02T05:00:00.000Z');
    expect(ticket.reportDueAt).not.toBeNull();
    expect(ticket.allowedTransitions).toEqual(['inProgress', 'pending', 'held', 'rejected', 'cancelled']);
    expect(ticket.history).toEqual([{ action: 'CREATED', actor: { code: world.duty.code }, changes: [] }]);
  });

  test('When tickets are opened one after another, then their numbers follow each other', async () => {
    const a = (await openOk()).number as string;
    const b = (await openOk()).number as string;
    expect(Number(b.slice(-6))).toBe(Number(a.slice(-6)) + 1);
  });

  test('When a ticket walks acknowledged -> inProgress -> resolved -> closed, then each step is stamped and recorded', async () => {
    const ticket = await openOk();
    t.clock.advance(10 * 60_000);
    const started = await t.ok<{ transitionTicket: Ticket }>(
      TRANSITION,
      { input: { id: ticket.id, to: 'inProgress', note: '已派单' } },
      world.duty.code,
    );
    expect(started.transitionTicket.respondedAt).toBe(t.clock.now().toISOString());
    expect(started.transitionTicket.history).toEqual([
      { action: 'TRANSITIONED', note: '已派单', changes: [{ field: 'status', from: 'acknowledged', to: 'inProgress' }] },
    ]);
    t.clock.advance(60 * 60_000);
    const resolved = await t.ok<{ transitionTicket: Ticket }>(TRANSITION, { input: { id: ticket.id, to: 'resolved' } });
    expect(resolved.transitionTicket.resolvedAt).toBe(t.clock.now().toISOString());
    const closed = await t.ok<{ transitionTicket: Ticket }>(TRANSITION, {
      input: { id: ticket.id, to: 'closed', version: resolved.transitionTicket.version },
    });
    expect(closed.transitionTicket.status).toBe('closed');
    expect(closed.transitionTicket.closedAt).not.toBeNull();
    const read = await t.ok<{ ticket: { history: { action: string }[] } }>(READ, { id: ticket.id });
    expect(read.ticket.history.map((h) => h.action)).toEqual(['TRANSITIONED', 'TRANSITIONED', 'TRANSITIONED', 'CREATED']);
  });

  test('When an illegal transition is asked for, then it is refused with the allowed ones and nothing changes', async () => {
    const ticket = await openOk();
    const res = await t.gql(TRANSITION, { input: { id: ticket.id, to: 'closed' } });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
      from: 'acknowledged',
      allowed: ['inProgress', 'pending', 'held', 'rejected', 'cancelled'],
    });
    expect(res.errors?.[0].message).toContain('may go to inProgress, pending, held, rejected, cancelled');
    const read = await t.ok<{ ticket: Ticket & { history: unknown[] } }>(READ, { id: ticket.id });
    expect(read.ticket).toMatchObject({ status: 'acknowledged', version: ticket.version });
    expect(read.ticket.history).toHaveLength(1);
  });

  test('When a closed ticket is moved again, then it is refused: closed is final', async () => {
    const ticket = await openOk();
    for (const to of ['inProgress', 'resolved', 'closed']) await t.ok(TRANSITION, { input: { id: ticket.id, to } });
    const res = await t.gql(TRANSITION, { input: { id: ticket.id, to: 'inProgress' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', allowed: [] });
    expect(res.errors?.[0].message).toContain('nothing (final state)');
  });

  test('When an update carries a stale version, then it gets CONFLICT and writes nothing', async () => {
    const ticket = await openOk();
    const UPDATE = `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { version title } }`;
    const first = await t.ok<{ updateTicket: Ticket }>(UPDATE, { input: { id: ticket.id, version: ticket.version, title: '第一次修改' } });
    expect(first.updateTicket.version).toBe(ticket.version + 1);
    const stale = await t.gql(UPDATE, { input: { id: ticket.id, version: ticket.version, title: '过期修改' } });
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedVersion: ticket.version,
      actualVersion: ticket.version + 1,
    });
    const read = await t.ok<{ ticket: Ticket & { history: unknown[] } }>(READ, { id: ticket.id });
    expect(read.ticket.title).toBe('第一次修改');
    expect(read.ticket.history).toHaveLength(2);
  });

  test('When an update changes fields, then history says what changed from what to what', async () => {
    const ticket = await openOk();
    const res = await t.ok<{ updateTicket: { history: unknown[] } }>(
      `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { history(last: 1) { action changes { field from to } } } }`,
      { input: { id: ticket.id, version: ticket.version, priority: 'CRITICAL', circuitIds: [world.circuits[1].id, world.circuits[2].id] } },
    );
    const codes = [world.circuits[1].code, world.circuits[2].code].sort().join(', ');
    expect(res.updateTicket.history).toEqual([
      {
        action: 'UPDATED',
        changes: [
          { field: 'priority', from: 'MEDIUM', to: 'CRITICAL' },
          { field: 'circuits', from: world.circuits[0].code, to: codes },
        ],
      },
    ]);
  });

  test('When a circuit of another customer is named, then the ticket is refused, nothing is stored and no number is used up', async () => {
    const other = await makeWorld(t, { circuitCount: 1 });
    const before = (await openOk()).number as string;
    const res = await open({ circuitIds: [other.circuits[0].id] });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'circuitIds' });
    expect(res.errors?.[0].message).toContain('belongs to another customer');
    const after = (await openOk()).number as string;
    expect(Number(after.slice(-6))).toBe(Number(before.slice(-6)) + 1);
  });

  test('When the customer does not exist or the title is empty, then the caller is told which field to fix', async () => {
    const unknown = await open({ customerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
    const notAnId = await open({ customerId: 'nope' });
    expect(notAnId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
    const empty = await open({ title: '' });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
  });

  test('When a ticket that does not exist is moved, then NOT_FOUND; when it is read, then null', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const res = await t.gql(TRANSITION, { input: { id, to: 'inProgress' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Ticket', id });
    expect(await t.ok(READ, { id })).toEqual({ ticket: null });
  });

  test('When an unknown user acts, then the write is refused as UNAUTHENTICATED', async () => {
    const res = await t.gql(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title: 'x', customerId: world.customer.id } }, 'nobody.here');
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('When a note and a fault report are added, then both are in the ticket, the report marked on time', async () => {
    const ticket = await openOk();
    await t.ok(`mutation($id: ID!) { addTicketNote(ticketId: $id, note: "客户已确认恢复") { id } }`, { id: ticket.id }, world.duty.code);
    const report = await t.ok<{ submitReport: { onTime: boolean; submittedBy: { code: string } } }>(
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { onTime submittedBy { code } } }`,
      { input: { ticketId: ticket.id, kind: 'FAULT', title: '故障报告', content: '光缆被挖断，已熔接恢复。' } },
      world.duty.code,
    );
    expect(report.submitReport).toEqual({ onTime: true, submittedBy: { code: world.duty.code } });
    const read = await t.ok<{ ticket: { history: { action: string }[]; reports: unknown[] } }>(READ, { id: ticket.id });
    expect(read.ticket.history.map((h) => h.action)).toEqual(['REPORT_SUBMITTED', 'NOTE_ADDED', 'CREATED']);
    expect(read.ticket.reports).toEqual([{ kind: 'FAULT', onTime: true }]);
  });

  test('When a report comes after its deadline, then it is marked late', async () => {
    const ticket = await openOk();
    t.clock.advance(30 * 24 * 3600_000);
    const report = await t.ok<{ submitReport: { onTime: boolean } }>(
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { onTime } }`,
      { input: { ticketId: ticket.id, kind: 'FAULT', title: '故障报告', content: '迟交' } },
    );
    expect(report.submitReport.onTime).toBe(false);
  });
});
