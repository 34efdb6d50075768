import { HistoryAction, SubjectType } from '../../src/modules/history/history.enums';
import { recordHistory } from '../../src/modules/history/history.service';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';

const HOUR = 3600_000;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id procedure { id } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { history { action note } procedure { status tasks { id elementId } } } }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';

describe("Handlers write in the step's transaction: a try that fails leaves nothing behind", () => {
  let t: TestHub;
  let world: World;
  let staff: { ops: string; kx: string; sales: string };
  let failures = 0;
  // Stands in for the procedure's chase: writes on the ticket, then fails while `failures` lasts.
  const registry = new ServiceRegistry().register('chaseDepartment', async (call) => {
    recordHistory(call.em, null, {
      subjectType: SubjectType.TICKET,
      subjectId: call.ticketId ?? '',
      action: HistoryAction.NOTE_ADDED,
      at: new Date(),
      note: `chase written while ${failures} failures were left`,
    });
    await call.em.flush();
    if (failures > 0) {
      failures--;
      throw new Error('短信网关超时 (SMS gateway timed out)');
    }
    return {};
  });

  beforeAll(async () => {
    t = await startTestHub({ registry });
    world = await makeWorld(t, { circuitCount: 1 });
    staff = await makeStaff(t);
  });
  afterAll(() => t.stop());

  const faultWaitingToRestore = async () => {
    const { openTicket } = await t.ok<{ openTicket: { id: string } }>(
      OPEN,
      { input: { kind: 'FAULT', channel: 'PHONE', title: '中断', customerId: world.customer.id } },
      world.duty.code,
    );
    for (const [elementId, who, v] of [
      ['acknowledge', staff.kx, { impact: true }],
      ['diagnose', staff.ops, { cause: 'x', maintainer: 'OPS' }],
    ] as const) {
      const { ticket } = await t.ok<{ ticket: { procedure: { tasks: { id: string; elementId: string }[] } } }>(TICKET, {
        id: openTicket.id,
      });
      await t.ok(COMPLETE, { id: ticket.procedure.tasks.find((x) => x.elementId === elementId)?.id, v }, who);
    }
    return openTicket.id;
  };
  const notes = async (id: string) =>
    (await t.ok<{ ticket: { history: { action: string; note: string }[] } }>(TICKET, { id })).ticket.history
      // The owner's reminder before the deadline is a step of its own, not the chase's.
      .filter((e) => e.action === 'NOTE_ADDED' && !e.note.startsWith('提醒'))
      .map((e) => e.note);

  test('When a handler fails once and succeeds on its retry, then only the retry’s write is kept', async () => {
    const id = await faultWaitingToRestore();
    failures = 1;
    t.clock.advance(5 * HOUR);
    await t.hub.services.processes.poller.runOnce();
    expect(await notes(id)).toEqual(['chase written while 0 failures were left']);
  });

  test('When a handler fails every try, then the step is an incident and none of its writes stay', async () => {
    const id = await faultWaitingToRestore();
    failures = 3;
    t.clock.advance(5 * HOUR);
    await t.hub.services.processes.poller.runOnce();
    expect(await notes(id)).toEqual([]);
    const { ticket } = await t.ok<{ ticket: { procedure: { status: string } } }>(TICKET, { id });
    expect(ticket.procedure.status).toBe('INCIDENT');
  });
});
