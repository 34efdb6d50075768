import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const START = 'mutation($bk: String) { startProcess(key: "fault-mini", businessKey: $bk) { id status } }';
const MIGRATE =
  'mutation($from: Int!, $to: Int!) { migrateProcessInstances(key: "fault-mini", fromVersion: $from, toVersion: $to) { id status definitionVersion } }';
const ASSIGN =
  'mutation($id: ID!, $v: Int!, $u: ID) { assignTask(id: $id, version: $v, userId: $u) { id version assignee { code } assignedBy { code } assignedAt } }';
const TASK = 'query($id: ID!) { task(id: $id) { id version assignee { code } } }';
const CLAIM = 'mutation($id: ID!, $v: Int!) { claimTask(id: $id, version: $v) { id version } }';

describe('Repairing running procedures: incidents moved to a fixed version, tasks reassigned', () => {
  let t: TestHub;
  let staff: { ops: string; kx: string; sales: string };
  const registry = new ServiceRegistry()
    .register('classify', async () => ({ severity: 'ORDINARY' }))
    .register('classifyBroken', async () => {
      throw new Error('分类服务配置错误 (classifier misconfigured)');
    });
  let brokenVersion: number;

  const makeUser = async (code: string, department: string, roles: string[]) => {
    const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { code, name: code, departmentId: departments.find((d) => d.code === department)?.id, roles },
    });
    return code;
  };

  beforeAll(async () => {
    t = await startTestHub({ registry });
    staff = await makeStaff(t);
    brokenVersion = (await deploy(t, fixture('fault-mini.bpmn').replace('services.classify}', 'services.classifyBroken}'))).version;
  });
  afterAll(() => t.stop());

  test('When an instance stuck in an incident is moved to a fixed version, then retryIncident runs the failed step there', async () => {
    const started = await t.ok<{ startProcess: { id: string; status: string } }>(START, { bk: 'REPAIR-1' });
    expect(started.startProcess.status).toBe('INCIDENT');
    const fixed = await deploy(t, fixture('fault-mini.bpmn'));
    const moved = await t.ok<{ migrateProcessInstances: { id: string; status: string; definitionVersion: number }[] }>(MIGRATE, {
      from: brokenVersion,
      to: fixed.version,
    });
    expect(moved.migrateProcessInstances).toEqual([{ id: started.startProcess.id, status: 'INCIDENT', definitionVersion: fixed.version }]);
    const retried = await t.ok<{ retryIncident: { status: string } }>('mutation($id: ID!) { retryIncident(id: $id) { status } }', {
      id: started.startProcess.id,
    });
    expect(retried.retryIncident.status).toBe('WAITING');
    const instance = await readInstance(t, started.startProcess.id);
    expect(instance.incident).toBeNull();
    expect(instance.tasks.map((task) => task.elementId)).toEqual(['diagnose']);
  });

  test('When an incident is moved to a version without the element it failed at, then it is refused naming it', async () => {
    const broken = await deploy(
      t,
      fixture('fault-mini.bpmn').replace('services.classify}', 'services.classifyBroken}').replace('name="Remind"', 'name="Remind again"'),
    );
    const started = await t.ok<{ startProcess: { id: string; status: string } }>(START, { bk: 'REPAIR-2' });
    expect(started.startProcess.status).toBe('INCIDENT');
    const renamed = await deploy(t, fixture('fault-mini.bpmn').replaceAll('"classify"', '"classifyFault"'));
    const refused = await t.gql(MIGRATE, { from: broken.version, to: renamed.version });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', missing: ['classify'] });
    expect((await readInstance(t, started.startProcess.id)).definitionVersion).toBe(broken.version);
  });

  test.each(
    TRANSPORTS,
  )("When a claimed task's assignee is away, then a supervisor of its department reassigns it over %s; others may not", async (transport) => {
    const suffix = transport;
    const opsSupervisor = await makeUser(`ops.lead.${suffix}`, 'OPS', ['SUPERVISOR']);
    const kxSupervisor = await makeUser(`kx.lead.${suffix}`, 'KX', ['SUPERVISOR']);
    const stand = await makeUser(`ops.stand.${suffix}`, 'OPS', ['OPERATIONS']);
    const started = await t.ok<{ startProcess: { id: string } }>(START, { bk: `REPAIR-ASSIGN-${suffix}` });
    const [diagnose] = (await readInstance(t, started.startProcess.id)).tasks;
    const claimed = await t.ok<{ claimTask: { version: number } }>(CLAIM, { id: diagnose.id, v: diagnose.version }, staff.ops);
    const version = claimed.claimTask.version;

    // Neither a colleague, nor a supervisor of another department, nor an account manager may take it over.
    for (const who of [stand, kxSupervisor, staff.sales]) {
      const refused = await over(transport, t, { query: ASSIGN, variables: { id: diagnose.id, v: version, u: null } }, who);
      expect({ who, codes: codesOf(refused) }).toEqual({ who, codes: ['FORBIDDEN'] });
    }
    // Nobody outside the candidates can be given it.
    const wrongPerson = await over(
      transport,
      t,
      { query: ASSIGN, variables: { id: diagnose.id, v: version, u: await idOf(staff.kx) } },
      opsSupervisor,
    );
    expect(codesOf(wrongPerson)).toEqual(['BAD_USER_INPUT']);

    const assigned = await over(
      transport,
      t,
      { query: ASSIGN, variables: { id: diagnose.id, v: version, u: await idOf(stand) } },
      opsSupervisor,
    );
    expect((assigned.data as { assignTask: Record<string, unknown> }).assignTask).toMatchObject({
      assignee: { code: stand },
      assignedBy: { code: opsSupervisor },
      assignedAt: expect.any(String),
    });
    const after = await t.ok<{ task: { assignee: { code: string } } }>(TASK, { id: diagnose.id });
    expect(after.task.assignee.code).toBe(stand);
    const stale = await over(transport, t, { query: ASSIGN, variables: { id: diagnose.id, v: version, u: null } }, 'admin');
    expect(codesOf(stale)).toEqual(['CONFLICT']);
    const { task } = await t.ok<{ task: { version: number } }>(TASK, { id: diagnose.id });
    const released = await over(transport, t, { query: ASSIGN, variables: { id: diagnose.id, v: task.version, u: null } }, 'admin');
    expect((released.data as { assignTask: { assignee: unknown } }).assignTask.assignee).toBeNull();
  });

  const idOf = async (code: string) => {
    const { users } = await t.ok<{ users: { id: string; code: string }[] }>('{ users { id code } }');
    return users.find((u) => u.code === code)?.id;
  };
});
