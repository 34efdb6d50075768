import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { resolutionDueAt deadlinesProvisional slaClocks { kind dueAt } history { action note changes { field from to } } } }`;
const SET = `mutation($input: SetHolidayScheduleInput!) { setHolidaySchedule(input: $input) { year source } }`;

interface View {
  resolutionDueAt: string;
  deadlinesProvisional: boolean;
  slaClocks: { kind: string; dueAt: string }[];
  history: { action: string; note: string | null; changes: { field: string; from: string | null; to: string | null }[] }[];
}

describe('Deadlines reaching into a year without a schedule are provisional until the year is entered', () => {
  let t: TestHub;
  let world: World;
  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t, { circuitCount: 1 });
  });
  afterAll(() => t.stop());

  test('When a complaint opened on 28 December runs into 2027, then it is provisional, and entering 2027 counts it again', async () => {
    t.clock.set(new Date('2026-12-28T10:00:00+08:00'));
    const { openTicket } = await t.ok<{ openTicket: { id: string } }>(
      OPEN,
      { input: { kind: 'COMPLAINT', channel: 'PHONE', title: '年底投诉', customerId: world.customer.id } },
      world.duty.code,
    );
    const read = async () => (await t.ok<{ ticket: View }>(TICKET, { id: openTicket.id })).ticket;
    const before = await read();
    // 5 working days: 29, 30, 31 December, then 1 and 4 January counted Monday to Friday.
    expect(before).toMatchObject({ deadlinesProvisional: true, resolutionDueAt: new Date('2027-01-04T17:30:00+08:00').toISOString() });

    await t.ok(SET, { input: { year: 2027, holidays: [{ day: '2027-01-01', name: '元旦' }], makeupWorkdays: [] } });
    const after = await read();
    const due = new Date('2027-01-05T17:30:00+08:00').toISOString();
    expect(after).toMatchObject({ deadlinesProvisional: false, resolutionDueAt: due });
    expect(after.slaClocks.find((c) => c.kind === 'RESOLUTION')?.dueAt).toBe(due);
    const recount = after.history.find((e) => e.note === 'deadlines counted again on the 2027 holiday schedule');
    expect(recount?.changes).toEqual(
      expect.arrayContaining([
        { field: 'resolutionDueAt', from: before.resolutionDueAt, to: due },
        { field: 'deadlinesProvisional', from: 'true', to: 'false' },
      ]),
    );
  });

  test('When a ticket stays within known years, then it is not provisional', async () => {
    t.clock.set(new Date('2026-10-12T10:00:00+08:00'));
    const { openTicket } = await t.ok<{ openTicket: { id: string } }>(
      OPEN,
      { input: { kind: 'COMPLAINT', channel: 'PHONE', title: '十月投诉', customerId: world.customer.id } },
      world.duty.code,
    );
    expect((await t.ok<{ ticket: View }>(TICKET, { id: openTicket.id })).ticket.deadlinesProvisional).toBe(false);
  });
});
