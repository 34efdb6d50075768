import { ManualClock } from '../../src/shared/clock';
import { makeCircuit, makeCustomer, makeStaff, orders, runStandardChain } from '../procedures/circuit-provisioning.helpers';
import { startTestHub, type TestHub } from '../support/hub';
import { cst, ext, fractions, importRows, measures } from './measures.helpers';

const TIMELINESS = `{ provisioningTimeliness(from: "2026-03-01", to: "2026-03-31") { circuitsToActivate circuitsOnTime averageCycleWorkingDays ordersCompleted } }`;

describe('The measures count live procedures and imported history alike', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ clock: new ManualClock(new Date('2026-03-02T09:00:00+08:00')) });
  });
  afterAll(() => t.stop());

  test('When an order is provisioned by its procedure and another was imported, then the measure counts both, as provisioningTimeliness counts the live one', async () => {
    const world = await makeCustomer(t);
    const staff = await makeStaff(t, world);
    const circuits = [await makeCircuit(t, world), await makeCircuit(t, world)];
    const opened = await orders(t).dispatch(
      { customerId: world.customer.id, circuitIds: circuits.map((c) => c.id), level: 'PROVINCE', dueDate: '2026-03-16' },
      staff.ops,
    );
    await runStandardChain(t, staff, opened.id);
    // The live order on its own, as the procedure counts it.
    const live = (await t.ok<{ provisioningTimeliness: Record<string, number> }>(TIMELINESS)).provisioningTimeliness;
    expect(live).toMatchObject({ circuitsToActivate: 2, circuitsOnTime: 2, ordersCompleted: 1 });
    let march = (await measures(t, '2026-03-01', '2026-03-31'))[0];
    expect(fractions(march.provisioningTimeliness)).toEqual([`${live.circuitsOnTime}/${live.circuitsToActivate}`]);
    expect(march.averageProvisioningCycleWorkingDays).toBe(live.averageCycleWorkingDays);

    // An order of the earlier system, activated late: one more circuit to activate, not on time.
    const extra = await makeCircuit(t, world, { status: 'active' });
    const { customer } = await t.ok<{ customer: { code: string } }>('query($id: ID!) { customer(id: $id) { code } }', {
      id: world.customer.id,
    });
    t.clock.set(new Date('2026-03-25T10:00:00+08:00'));
    await importRows(t, [
      {
        externalId: ext('P-late'),
        kind: 'CIRCUIT_DISPATCH',
        customerCode: customer.code,
        circuitCodes: [extra.code],
        title: '电路调单 (旧系统)',
        openedAt: cst('2026-03-02 10:00'),
        resolutionDueAt: cst('2026-03-13 17:30'),
        resolvedAt: cst('2026-03-20 10:00'),
        reportDeliveredAt: cst('2026-03-20 15:00'),
      },
    ]);
    march = (await measures(t, '2026-03-01', '2026-03-31'))[0];
    expect(fractions(march.provisioningTimeliness)).toEqual(['2/3']);
    expect(march.provisioningOrdersCompleted).toBe(2);
    // The work done in March: the two orders.
    expect(march.responseWorkDone).toBe(2);
  });
});
