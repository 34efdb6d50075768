import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, readInstance, refusedProblems } from '../support/processes';

const at = (iso: string) => new Date(iso);

describe("Timers written in the center's terms are counted on its working-day calendar by the hub's clock", () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    await deploy(t, fixture('working-time.bpmn'));
  });
  afterAll(() => t.stop());

  test('When "4 working hours" is armed on the eve of National Day, then it fires on the first working morning after, not before', async () => {
    t.clock.set(at('2026-09-30T15:00:00+08:00'));
    const { startProcess } = await t.ok<{ startProcess: { id: string } }>('mutation { startProcess(key: "working-time") { id } }');
    expect((await readInstance(t, startProcess.id)).waiting.map((w) => w.elementId)).toEqual(['fourHours']);
    // 2.5 hours on 30 September, the holiday (1 to 7 October) skipped, 1.5 hours on 8 October.
    t.clock.set(at('2026-10-08T09:59:00+08:00'));
    expect((await t.hub.services.processes.poller.runOnce()).fired).toBe(0);
    t.clock.set(at('2026-10-08T10:00:00+08:00'));
    expect((await t.hub.services.processes.poller.runOnce()).fired).toBe(1);

    // "3 working days" from then ends at the close of the third working day after 8 October.
    const instance = await readInstance(t, startProcess.id);
    const task = instance.tasks.find((x) => x.elementId === 'work');
    const expected = await t.ok<{ addWorkingTime: string }>('query($from: DateTimeISO!) { addWorkingTime(from: $from, days: 3) }', {
      from: at('2026-10-08T10:00:00+08:00').toISOString(),
    });
    expect(task?.dueAt).toBe(expected.addWorkingTime);
    // 9 October, the make-up Saturday 10 October, and 12 October.
    expect(expected.addWorkingTime).toBe(at('2026-10-12T17:30:00+08:00').toISOString());
  });

  test('When a diagram writes a working time the hub cannot read, then the deploy is refused with the syntax to write', async () => {
    const xml = fixture('working-time.bpmn').replace('>3 working days<', '>3 workin days<').replaceAll('working-time', 'working-time-typo');
    const problems = await refusedProblems(t, xml);
    expect(problems).toEqual([expect.stringMatching(/threeDays.*"3 workin days" is not a timer the hub reads: write "3 working days"/)]);
  });
});
