import { acceptanceInput, type HandoverWorld, handoverSteps, makeHandoverWorld, REQUEST } from '../support/handover-acceptance';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const COUNT = `query($c: ID!) { tickets(filter: { customerId: $c }) { totalCount } }`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
const TASK = `query($id: ID!) { task(id: $id) { id elementId handoverBrief { ticketNumber works { kind } reworkRounds defects } } }`;

describe('Handover acceptance (交维验收): who may request it, what contractors see, what intake refuses', () => {
  let t: TestHub;
  let world: HandoverWorld;
  let steps: ReturnType<typeof handoverSteps>;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeHandoverWorld(t);
    steps = handoverSteps(t);
  });
  afterAll(() => t.stop());

  const ticketCount = async () => (await t.ok<{ tickets: { totalCount: number } }>(COUNT, { c: world.customer.id })).tickets.totalCount;
  const storedAcceptances = async () => {
    const [row] = await t.hub.database.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from handover_acceptance');
    return Number(row.n);
  };

  test('When a contractor works, then it sees and completes only its own task, and reads neither tickets, customers nor other departments’ tasks', async () => {
    // One acceptance waits on both maintenance units' line tests, another on the contractor's application.
    const testing = await steps.request(world);
    await steps.apply(testing.id, world.contractor);
    await steps.enterRecords(testing.id, world);
    await steps.complete(testing.id, 'onSiteTests', world.support, {
      recordsAccurate: true,
      transmissionTest: true,
      integrationTest: true,
      workmanshipTest: true,
      serviceDialTest: true,
    });
    const transTask = await steps.taskOf(testing.id, 'lineTestTrans');
    const applying = await steps.request(world);
    const application = await steps.taskOf(applying.id, 'submitApplication');

    const queue = await t.ok<{ tasks: { id: string }[] }>('{ tasks { id } }', {}, world.contractor);
    expect(queue.tasks.map((task) => task.id)).toEqual([application.id]);
    const asked = await t.ok<{ tasks: { id: string }[] }>(
      '{ tasks(filter: { mine: false, myDepartment: false }) { id } }',
      {},
      world.contractor,
    );
    expect(asked.tasks.map((task) => task.id)).toEqual([application.id]);
    // Its own task tells it the works, nothing of the customer.
    const own = await t.ok<{ task: { handoverBrief: { ticketNumber: string; works: { kind: string }[] } } }>(
      TASK,
      { id: application.id },
      world.contractor,
    );
    expect(own.task.handoverBrief).toMatchObject({
      ticketNumber: applying.number,
      works: [{ kind: 'FIBER' }, { kind: 'TRANSMISSION_EQUIPMENT' }],
    });
    expect((await t.ok<{ task: unknown }>(TASK, { id: transTask.id }, world.contractor)).task).toBeNull();
    const foreign = await t.gql(
      'mutation($id: ID!) { completeTask(id: $id, variables: { fiberTest: true, ductTest: true, accessEquipmentTest: true }) { id } }',
      { id: transTask.id },
      world.contractor,
    );
    expect(codesOf(foreign)).toEqual(['FORBIDDEN']);
    for (const query of ['{ tickets { totalCount } }', '{ customers { totalCount } }', '{ circuits { totalCount } }']) {
      expect({ query, codes: codesOf(await t.gql(query, {}, world.contractor)) }).toEqual({ query, codes: ['FORBIDDEN'] });
    }
    expect(codesOf(await t.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: applying.id }, world.contractor))).toEqual([
      'FORBIDDEN',
    ]);
    // Through its task it reaches no instance: not its variables, history or the other departments' tasks.
    const through = await t.gql(
      'query($id: ID!) { task(id: $id) { instance { variables tasks { id } } } }',
      { id: application.id },
      world.contractor,
    );
    expect(codesOf(through)).toEqual(['FORBIDDEN']);

    await steps.apply(applying.id, world.contractor);
    expect((await steps.read(applying.id)).procedure?.tasks.map((task) => task.elementId)).toEqual(['enterRecords']);
    expect((await t.ok<{ tasks: unknown[] }>('{ tasks { id } }', {}, world.contractor)).tasks).toEqual([]);
  });

  test.each(
    TRANSPORTS,
  )('When a customer token, a contractor or operations request a handover acceptance over %s, then it is FORBIDDEN and nothing is opened', async (transport) => {
    const before = await ticketCount();
    const request = { query: REQUEST, variables: { input: acceptanceInput(world) } };
    for (const as of [{ customerId: world.customer.id }, world.contractor, world.ops]) {
      const answer = await over(transport, t, request, as);
      expect({ as, codes: codesOf(answer) }).toEqual({ as, codes: ['FORBIDDEN'] });
    }
    expect(await ticketCount()).toBe(before);
    // The center may: the same request from the support office opens one.
    expect(codesOf(await over(transport, t, request, world.support))).toEqual([]);
    expect(await ticketCount()).toBe(before + 1);
  });

  test('When the request is bad, then BAD_USER_INPUT names the field and neither a ticket nor an acceptance is stored', async () => {
    const other = await makeHandoverWorld(t, 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ works: [] }, 'works'],
      [{ works: [{ kind: 'FIBER', description: '   ' }] }, 'works.0.description'],
      [{ contractorUserId: world.users[world.ops] }, 'contractorUserId'],
      [{ contractorUserId: world.users[world.contractor], contractorDepartmentId: world.departments.TRANS }, 'contractorDepartmentId'],
      [{ maintainingDepartmentId: world.departments.CONTRACTOR }, 'maintainingDepartmentId'],
      [{ maintainingDepartmentId: '00000000-0000-4000-8000-000000000000' }, 'maintainingDepartmentId'],
      [{ circuitIds: [other.circuits[0].id] }, 'circuitIds'],
      [{ customerId: 'not-an-id' }, 'customerId'],
    ];
    const tickets = await ticketCount();
    const acceptances = await storedAcceptances();
    for (const [extra, field] of cases) {
      const answer = await t.gql(REQUEST, { input: acceptanceInput(world, extra) }, world.cons);
      expect({ field, code: answer.errors?.[0].extensions?.code, named: answer.errors?.[0].extensions?.field }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        named: field,
      });
    }
    expect(await ticketCount()).toBe(tickets);
    expect(await storedAcceptances()).toBe(acceptances);
  });

  test('When a HANDOVER_ACCEPTANCE is opened with openTicket, then it is refused naming requestHandoverAcceptance and nothing is stored', async () => {
    const tickets = await ticketCount();
    const answer = await t.gql(
      OPEN,
      { input: { kind: 'HANDOVER_ACCEPTANCE', channel: 'INTERNAL', title: '交维', customerId: world.customer.id } },
      world.support,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(answer.errors?.[0].message).toContain('requestHandoverAcceptance');
    expect(await ticketCount()).toBe(tickets);
  });
});
