// biome-ignore-all lint/suspicious/noTemplateCurlyInString: BPMN expressions are written ${...}, in plain strings
import { existsSync, rmSync } from 'node:fs';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, readInstance, refusedProblems } from '../support/processes';

const START = 'mutation($key: String!, $v: JSONObject) { startProcess(key: $key, variables: $v) { id status } }';
/** What hostile-constructor.bpmn would write, had its code run. */
const PWNED_FILE = '/tmp/kexiang-pwned-by-diagram';
const CONDITION = '${environment.variables.amount > 1000}';
const CONDITION_XML = CONDITION.replace('>', '&gt;');

/** Issue #9: diagrams never run code, and a hostile one is refused at deploy or ends as an incident. */
describe('Expressions in diagrams', () => {
  let t: TestHub;
  const registry = new ServiceRegistry().register('check', async () => ({ checked: true }));
  const base = fixture('guarded-order.bpmn');
  /** guarded-order under another process id, with one text replaced */
  const variant = (key: string, from?: string, to?: string) => {
    if (from && !base.includes(from)) throw new Error(`guarded-order.bpmn has no ${from}`);
    return (from && to !== undefined ? base.replace(from, to) : base).replaceAll('guarded-order', key);
  };

  beforeAll(async () => {
    rmSync(PWNED_FILE, { force: true });
    t = await startTestHub({ registry });
  });
  afterAll(() => t.stop());

  const refused = (xml: string) => refusedProblems(t, xml);
  const start = async (key: string, variables: Record<string, unknown>) =>
    (await t.ok<{ startProcess: { id: string; status: string } }>(START, { key, v: variables })).startProcess;
  const expectHubAlive = async () => {
    expect((await fetch(t.url.replace('/graphql', '/health/live'))).status).toBe(200);
    expect((await t.ok<{ departments: unknown[] }>('{ departments { code } }')).departments.length).toBeGreaterThan(0);
  };

  test('When a service task implementation walks to constructor to run code, then the diagram is refused naming the task, and no file is written', async () => {
    const problems = await refused(fixture('hostile-constructor.bpmn'));
    expect(problems).toEqual([
      expect.stringMatching(/^bpmn:ServiceTask pwn: implementation .* is not \$\{environment\.services\.<handler>\}$/),
      expect.stringMatching(/^bpmn:ServiceTask pwn: the expression .* is refused: "constructor" is not allowed$/),
    ]);
    expect(existsSync(PWNED_FILE)).toBe(false);
  });

  test('When a service task names a handler the hub has not registered, or more than its name, then the diagram is refused naming the task', async () => {
    const named = (implementation: string) => variant('unregistered', 'implementation="${environment.services.check}"', implementation);
    const [problem, ...others] = await refused(named('implementation="${environment.services.nobody}"'));
    expect(others).toEqual([]);
    // The message lists every handler the hub offers (the procedures' and this test's own).
    expect(problem).toMatch(/^bpmn:ServiceTask check: no handler "nobody" is registered \((\w+, )*check(, \w+)*\)$/);
    for (const form of ['${environment.services.check()}', '${environment.services.check.call}', '${environment.services}', 'check']) {
      expect(await refused(named(`implementation="${form}"`))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^bpmn:ServiceTask check: implementation ".*" is not/)]),
      );
    }
    expect(await refused(named(''))).toEqual([expect.stringMatching(/^bpmn:ServiceTask check has no implementation/)]);
  });

  test('When a condition or a timer calls a function, then the diagram is refused naming both elements', async () => {
    const problems = await refused(fixture('hostile-calls.bpmn'));
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bpmn:SequenceFlow f2: the expression ".*" is refused: calls are not allowed$/),
        expect.stringMatching(/^bpmn:IntermediateCatchEvent wait: the expression ".*" is refused: calls are not allowed$/),
      ]),
    );
  });

  test('When timer cycles repeat without pause (R/PT0S) or a thousand times a second (R/PT0.001S), then the diagram is refused naming each timer', async () => {
    const problems = await refused(fixture('hostile-timer-cycles.bpmn'));
    expect(problems).toEqual(
      expect.arrayContaining([
        'bpmn:BoundaryEvent spinNow: timeCycle "R/PT0S" repeats without end; at most 1000 repetitions are allowed',
        'bpmn:BoundaryEvent spinFast: timeCycle "R/PT0.001S" repeats without end; at most 1000 repetitions are allowed',
      ]),
    );
    // Bounded, but still far more often than the minimum allows.
    const fast = variant('fast-cycle', 'R3/PT1H', 'R5/PT0.001S');
    expect(await refused(fast)).toEqual([
      'bpmn:TimerEventDefinition remindTimer: timeCycle "R5/PT0.001S" repeats every 1 ms; repetitions must be at least 60000 ms apart',
    ]);
  });

  test('When a condition copies data onto Object.prototype, then the diagram is refused and no object is polluted', async () => {
    const problems = await refused(fixture('hostile-pollution.bpmn'));
    expect(problems).toEqual([
      expect.stringMatching(/^bpmn:SequenceFlow f2: the expression ".*" is refused: "constructor" is not allowed$/),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('When a FEEL expression loops (for, some, ranges), then the diagram is refused: evaluating it would hold the hub', async () => {
    const looping = variant('feel-loop', CONDITION_XML, '=count(for i in 1..100000000 return i) &gt; 0');
    expect(await refused(looping)).toEqual([
      expect.stringMatching(/^bpmn:SequenceFlow toApprove: .* is refused: for loops are not allowed$/),
    ]);
  });

  test('When a diagram nests 20,000 sub-processes, then it is refused as BAD_USER_INPUT with the reason, not an internal error', async () => {
    const depth = 20_000;
    const opening = Array.from({ length: depth }, (_, i) => `<bpmn:subProcess id="s${i}">`).join('');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="deep" isExecutable="true">${opening}${'</bpmn:subProcess>'.repeat(depth)}</bpmn:process></bpmn:definitions>`;
    expect(await refused(xml)).toEqual([`the diagram nests elements ${depth + 1} levels deep; at most 50 are allowed`]);
    await expectHubAlive();
  });

  test('When a condition is a plain ${environment.variables...} comparison, then each order takes its branch', async () => {
    await deploy(t, base);
    const large = await start('guarded-order', { amount: 2000 });
    const small = await start('guarded-order', { amount: 10 });
    expect((await readInstance(t, large.id)).waiting.map((w) => w.elementId)).toEqual(['approve', 'remind']);
    expect((await readInstance(t, small.id)).waiting.map((w) => w.elementId)).toEqual(['file']);
    expect((await readInstance(t, small.id)).variables).toMatchObject({ amount: 10, checked: true });
  });

  test('When a condition is written in FEEL (=amount > 1000), then each order takes its branch', async () => {
    await deploy(t, variant('feel-order', CONDITION_XML, '=amount &gt; 1000 and checked = true'));
    const large = await start('feel-order', { amount: 2000 });
    const small = await start('feel-order', { amount: 10 });
    expect((await readInstance(t, large.id)).waiting.map((w) => w.elementId)).toEqual(['approve', 'remind']);
    expect((await readInstance(t, small.id)).waiting.map((w) => w.elementId)).toEqual(['file']);
  });

  // A definition stored before these checks existed (or written to the database by hand) is not
  // checked again: the same rules hold when it runs, and the failure is that instance's incident.
  const stored: [string, string, string, RegExp][] = [
    [
      'code via constructor',
      '${environment.services.check}',
      fixture('hostile-constructor.bpmn').split('implementation="')[1].split('"')[0].replaceAll('&quot;', '"'),
      /"constructor" is not allowed/,
    ],
    ['a call in a condition', CONDITION, '${environment.services.chaseDepartment()}', /calls are not allowed/],
    ['a call in a timer', 'R3/PT1H', '${environment.services.chaseDepartment()}', /calls are not allowed/],
    [
      'Object.assign onto a prototype',
      CONDITION,
      '${environment.variables.constructor.assign(environment.variables.constructor.prototype, environment.variables.payload)}',
      /"constructor" is not allowed/,
    ],
    ['a timer cycle without pause', 'R3/PT1H', 'R/PT0S', /repeats without end/],
    ['a looping FEEL condition', CONDITION, '=count(for i in 1..100000000 return i) > 0', /for loops are not allowed/],
  ];
  test.each(
    stored,
  )('When a stored diagram somehow carries %s, then starting it is an incident on that instance and the hub stays up', async (_, from, to, reason) => {
    const key = `stored-${Math.random().toString(36).slice(2, 8)}`;
    await deploy(t, variant(key));
    const json = (text: string) => JSON.stringify(text).slice(1, -1);
    const connection = t.hub.database.orm.em.fork().getConnection();
    await connection.execute('update process_definition set serialized_source = replace(serialized_source, ?, ?) where key = ?', [
      json(from),
      json(to),
      key,
    ]);
    const [row] = await connection.execute<{ tampered: boolean }[]>(
      'select strpos(serialized_source, ?) > 0 as tampered from process_definition where key = ?',
      [json(to), key],
    );
    expect(row.tampered).toBe(true);

    const started = await start(key, { amount: 2000, payload: { polluted: 'yes' } });
    expect(started.status).toBe('INCIDENT');
    expect((await readInstance(t, started.id)).incident?.message).toMatch(reason);
    expect(existsSync(PWNED_FILE)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectHubAlive();
  });
});
