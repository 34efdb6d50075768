import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';
import { fractions, measures } from './measures.helpers';

const RAISE = 'mutation($input: RaiseAlarmInput!) { raiseAlarm(input: $input) { outcome ticket { id } } }';
const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
const TASKS = 'query($id: ID!) { ticket(id: $id) { procedure { tasks { id elementId } } } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';

/**
 * Fault handling records whether a fault affects service (故障恢复及时率 counts only those): an OSS
 * alarm's X.733 severity at intake, the center's "Service affected" answer when it acknowledges.
 */
describe('Fault handling records whether a fault affects service, and the restore rate counts only those', () => {
  let t: TestHub;
  let world: World;
  let staff: { ops: string; kx: string; sales: string };
  let circuit = 0;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { circuitCount: 8 });
    staff = await makeStaff(t);
  });
  afterAll(() => t.stop());

  const alarm = async (severity: string) =>
    (
      await t.ok<{ raiseAlarm: { ticket: { id: string } } }>(
        RAISE,
        {
          input: {
            circuitCode: world.circuits[circuit++].code,
            alarmId: `ALM-${Date.now()}-${circuit}`,
            severity,
            description: '光功率低',
          },
        },
        staff.ops,
      )
    ).raiseAlarm.ticket.id;
  const phoned = async () =>
    (
      await t.ok<{ openTicket: { id: string } }>(
        OPEN,
        {
          input: {
            kind: 'FAULT',
            channel: 'PHONE',
            title: '专线中断',
            customerId: world.customer.id,
            circuitIds: [world.circuits[circuit++].id],
          },
        },
        world.duty.code,
      )
    ).openTicket.id;
  const acknowledge = async (ticketId: string, impact: boolean) => {
    const { ticket } = await t.ok<{ ticket: { procedure: { tasks: { id: string; elementId: string }[] } } }>(TASKS, { id: ticketId });
    const task = ticket.procedure.tasks.find((x) => x.elementId === 'acknowledge');
    await t.ok(COMPLETE, { id: task?.id, v: { impact } }, staff.kx);
  };
  /** Service-affecting faults due today whose restore deadline has passed (none was restored). */
  const counted = async () => fractions((await measures(t, '2026-03-02', '2026-03-02'))[0].faultRestoreAndReportTimeliness)[0];

  test('When faults come in by alarm and by phone and are acknowledged, then the restore rate counts those that affect service', async () => {
    await alarm('MINOR'); // X.733 minor: not service-affecting
    await alarm('CRITICAL'); // service-affecting
    const minorButAffecting = await alarm('WARNING');
    await acknowledge(minorButAffecting, true); // the center says it does affect service
    const criticalButNot = await alarm('MAJOR');
    await acknowledge(criticalButNot, false); // ... or that it does not
    await phoned(); // nobody said yet: a customer's fault is counted as affecting service
    const phonedNot = await phoned();
    await acknowledge(phonedNot, false);
    // Nothing is due yet: a gold fault is restored within 4 hours.
    expect(await counted()).toBe('0/0');
    t.clock.advance(5 * 3600_000);
    // CRITICAL, WARNING-but-affecting, and the unanswered phone fault; all three missed.
    expect(await counted()).toBe('0/3');
  });
});
