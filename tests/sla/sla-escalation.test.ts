import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf } from '../support/transports';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number ownerDepartment { id code } } }`;
const MY_TASKS = `{ tasks(filter: { myDepartment: true }) { id name candidateDepartment candidateRole instance { processKey businessKey variables } } }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id status } }';

interface QueuedTask {
  id: string;
  name: string;
  candidateDepartment: string | null;
  candidateRole: string | null;
  instance: { processKey: string; businessKey: string; variables: Record<string, unknown> };
}

describe("A breached deadline opens an escalation task for the owner department's supervisors", () => {
  let t: TestHub;
  let world: World;
  let supervisorOf: Record<string, string>;

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t, { level: 'GOLD', circuitCount: 1 });
    const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
    supervisorOf = {};
    for (const code of ['KX', 'OPS']) {
      const user = `sup.${code.toLowerCase()}.${Math.random().toString(36).slice(2, 7)}`;
      const departmentId = departments.find((d) => d.code === code)?.id;
      await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { code: user, name: user, departmentId, roles: ['SUPERVISOR'] },
      });
      supervisorOf[code] = user;
    }
  });
  afterAll(() => t.stop());

  const escalationsOf = async (who: string, number: string) =>
    (await t.ok<{ tasks: QueuedTask[] }>(MY_TASKS, {}, who)).tasks.filter(
      (task) => task.instance.processKey === 'sla-escalation' && task.instance.businessKey === number,
    );

  test('When the response deadline passes on the eve of National Day, then one task reaches the owner department supervisors, and only them', async () => {
    t.clock.set(new Date('2026-09-30T15:00:00+08:00'));
    const { openTicket } = await t.ok<{ openTicket: { id: string; number: string; ownerDepartment: { code: string } } }>(
      OPEN,
      { input: { kind: 'COMPLAINT', channel: 'PHONE', title: '投诉处理超时', customerId: world.customer.id, priority: 'MEDIUM' } },
      world.duty.code,
    );
    const owner = openTicket.ownerDepartment.code;
    const other = owner === 'OPS' ? 'KX' : 'OPS';
    // The 4 working-hour response window runs over the holiday: 2.5 hours on 30 September, 1.5 on 8 October.
    t.clock.set(new Date('2026-10-08T09:59:00+08:00'));
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
    expect(await escalationsOf(supervisorOf[owner], openTicket.number)).toEqual([]);
    t.clock.set(new Date('2026-10-08T10:01:00+08:00'));
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());

    const mine = await escalationsOf(supervisorOf[owner], openTicket.number);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      candidateDepartment: owner,
      candidateRole: 'SUPERVISOR',
      instance: { variables: { ticketId: openTicket.id, deadline: 'RESPONSE', ownerDepartment: owner } },
    });
    // A supervisor of another department is not offered it and may not complete it.
    expect(await escalationsOf(supervisorOf[other], openTicket.number)).toEqual([]);
    const refused = await t.gql(COMPLETE, { id: mine[0].id, v: { action: '不是我的部门' } }, supervisorOf[other]);
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);

    const done = await t.ok<{ completeTask: { status: string } }>(
      COMPLETE,
      { id: mine[0].id, v: { action: '已督办责任人' } },
      supervisorOf[owner],
    );
    expect(done.completeTask.status).toBe('COMPLETED');
    expect(await escalationsOf(supervisorOf[owner], openTicket.number)).toEqual([]);
  });
});
