import { defaultCalendar } from '../../src/modules/calendar/business-calendar';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { ManualClock } from '../../src/shared/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, readInstance } from '../support/processes';

describe('A timer driven by a deadline a service task computed', () => {
  let t: TestHub;
  // The engine arms timers by the real clock, so this test's clock starts at the real now.
  const clock = new ManualClock(new Date());
  const registry = new ServiceRegistry().register('computeDeadline', async () => ({
    deadline: defaultCalendar.addWorkingDays(clock.now(), 2).toISOString(),
  }));

  beforeAll(async () => {
    t = await startTestHub({ registry, clock });
    await deploy(t, fixture('computed-deadline.bpmn'));
  });
  afterAll(() => t.stop());

  test('When the working-day deadline passes, then the timer fires, not before', async () => {
    const { startProcess } = await t.ok<{ startProcess: { id: string } }>('mutation { startProcess(key: "computed-deadline") { id } }');
    const instance = await readInstance(t, startProcess.id);
    const deadline = new Date(instance.variables.deadline as string);
    expect(deadline.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(instance.waiting.map((w) => w.elementId)).toEqual(['untilDeadline']);

    clock.set(new Date(deadline.getTime() - 60_000));
    expect((await t.hub.services.processes.poller.runOnce()).fired).toBe(0);
    clock.set(new Date(deadline.getTime() + 1));
    expect((await t.hub.services.processes.poller.runOnce()).fired).toBe(1);
    expect((await readInstance(t, startProcess.id)).status).toBe('COMPLETED');
  });

  test('When definitions are listed, then each version counts its instances by status', async () => {
    const res = await t.ok<{ processDefinitions: { key: string; versions: { instanceCounts: { status: string; count: number }[] }[] }[] }>(
      '{ processDefinitions { key versions { instanceCounts { status count } } } }',
    );
    expect(res.processDefinitions.find((d) => d.key === 'computed-deadline')?.versions[0].instanceCounts).toEqual([
      { status: 'COMPLETED', count: 1 },
    ]);
  });
});
