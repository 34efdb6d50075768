import { samplePdf, uploadAttachment } from '../support/attachments';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const REQUEST = `mutation($input: RequestPresalesSupportInput!) { requestPresalesSupport(input: $input) { id number status } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) {
  id number kind status
  parent { id }
  children { id kind status procedure { processKey status } }
  attachments { id name }
  presales { needs scope sites outcome contractNumber circuits { serviceType bandwidthMbps aEnd }
    deliveryOrders { id kind status parent { id } circuits { code status } } }
  procedure { processKey status tasks { id elementId candidateDepartment dueAt } }
} }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const CANCEL = `mutation($id: ID!) { transitionTicket(input: {id: $id, to: cancelled, note: "客户取消需求"}) { id status } }`;

interface Task {
  id: string;
  elementId: string;
  candidateDepartment: string | null;
  dueAt: string | null;
}
interface TicketView {
  id: string;
  number: string;
  kind: string;
  status: string;
  parent: { id: string } | null;
  children: { id: string; kind: string; status: string; procedure: { processKey: string; status: string } | null }[];
  attachments: { id: string; name: string }[];
  presales: {
    outcome: string | null;
    contractNumber: string | null;
    deliveryOrders: { id: string; kind: string; status: string; parent: { id: string }; circuits: { code: string; status: string }[] }[];
  } | null;
  procedure: { processKey: string; status: string; tasks: Task[] } | null;
}

const wanted = [
  {
    serviceType: 'INTERNET_DEDICATED_LINE',
    bandwidthMbps: 200,
    aEnd: '苏州工业园区星湖街328号',
    accessTechnology: 'FIBER_PTN',
    site: '总部',
  },
  {
    serviceType: 'DATA_LINE',
    bandwidthMbps: 50,
    aEnd: '苏州工业园区金鸡湖大道88号',
    zEnd: '苏州高新区',
    accessTechnology: 'MSAP_SDH',
    site: '分部',
  },
];

describe('Presales support (售前服务): needs, a called resource check, the solution, and the contract', () => {
  let t: TestHub;
  let world: World;
  let staff: { ops: string; kx: string; sales: string };
  let cons: string;
  let proc: string;
  let contractor: string;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { circuitCount: 0 });
    staff = await makeStaff(t);
    const make = async (code: string, department: string, role: string) => {
      await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { code, name: code, departmentId: world.departments[department], roles: [role] },
      });
      return code;
    };
    const suffix = Date.now().toString(36);
    cons = await make(`cons.${suffix}`, 'CONS', 'CONSTRUCTION');
    proc = await make(`proc.${suffix}`, 'PROC', 'PROCUREMENT');
    contractor = await make(`contractor.${suffix}`, 'CONTRACTOR', 'CONTRACTOR');
  });
  afterAll(() => t.stop());

  const request = async (extra: Record<string, unknown> = {}) =>
    (
      await t.ok<{ requestPresalesSupport: { id: string; number: string; status: string } }>(
        REQUEST,
        {
          input: {
            customerId: world.customer.id,
            title: '园区管委会专线扩容',
            needs: '总部与分部之间的数据专线，及总部 200M 互联网专线',
            sites: ['总部', '分部'],
            circuits: wanted,
            ...extra,
          },
        },
        world.accountManager.code,
      )
    ).requestPresalesSupport;
  const read = async (id: string) => (await t.ok<{ ticket: TicketView }>(TICKET, { id })).ticket;
  /** Completes the one open task at `elementId` of the ticket's procedure as `as`. */
  const complete = async (ticketId: string, elementId: string, as: string, v: Record<string, unknown>) => {
    const task = (await read(ticketId)).procedure?.tasks.find((x) => x.elementId === elementId);
    if (!task) throw new Error(`no open ${elementId} on ${ticketId}: ${JSON.stringify((await read(ticketId)).procedure?.tasks)}`);
    await t.ok(COMPLETE, { id: task.id, v }, as);
  };
  const tasksOf = async (id: string) => ((await read(id)).procedure?.tasks ?? []).map((x) => x.elementId).sort();
  /** The resource check its call opened, answered: the existing network serves it, or construction quotes a build. */
  const answerCheck = async (presalesId: string, networkReady: boolean) => {
    const [check] = (await read(presalesId)).children;
    await complete(check.id, 'checkNetwork', staff.ops, { networkReady, networkFindings: networkReady ? '现网资源充足' : '需新建光缆' });
    if (!networkReady) {
      await complete(check.id, 'quoteNetworkEquipment', proc, { networkEquipmentCostCny: 30000, networkPurchaseCycleDays: 5 });
      await complete(check.id, 'quoteNetworkBuild', cons, {
        networkWorks: '新建光缆 2 公里',
        networkInvestmentCny: 80000,
        networkNewDucts: false,
        networkTotalDays: 9,
      });
    }
    await complete(check.id, 'answerSales', staff.kx, { answerSummary: networkReady ? '资源具备' : '需投资 8 万元, 9 个工作日' });
    return check.id;
  };

  test('When existing products do not meet the needs and sales will not develop, then it ends there with no resource check', async () => {
    const opened = await request();
    expect(await tasksOf(opened.id)).toEqual(['meetCustomer']);
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '需定制安全网关', existingProductsMeet: false });
    expect(await tasksOf(opened.id)).toEqual(['decideDevelop']);
    await complete(opened.id, 'decideDevelop', staff.sales, { develop: false, developReason: '收入不足以支撑单独开发' });

    const ended = await read(opened.id);
    expect(ended).toMatchObject({
      status: 'closed',
      children: [],
      procedure: { status: 'COMPLETED' },
      presales: { outcome: 'NOT_DEVELOPED' },
    });
  });

  test('When the needs are met, then the resource check runs as its own ticket, child of the request, and the request waits for it', async () => {
    const opened = await request();
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '总部 200M、分部 50M', existingProductsMeet: true });

    const waiting = await read(opened.id);
    expect(waiting.procedure?.tasks).toEqual([]);
    expect(waiting.children).toHaveLength(1);
    const [child] = waiting.children;
    expect(child).toMatchObject({ kind: 'RESOURCE_CHECK', procedure: { processKey: 'resource-check', status: 'WAITING' } });
    const check = await read(child.id);
    expect(check.parent).toEqual({ id: opened.id });
    expect(await tasksOf(child.id)).toEqual(['checkNetwork']);
    const { ticket } = await t.ok<{ ticket: { resourceCheck: { scope: string; resources: { kind: string; name: string }[] } } }>(
      'query($id: ID!) { ticket(id: $id) { resourceCheck { scope resources { kind name } } } }',
      { id: child.id },
    );
    expect(ticket.resourceCheck.scope).toBe('LOCAL');
    expect(ticket.resourceCheck.resources.map((r) => r.kind)).toEqual(['CIRCUIT', 'CIRCUIT']);
  });

  test('When resources are short and sales will not build, then it ends for want of resources', async () => {
    const opened = await request();
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '分部新建', existingProductsMeet: true });
    const checkId = await answerCheck(opened.id, false);
    expect((await read(checkId)).status).toBe('closed');
    expect(await tasksOf(opened.id)).toEqual(['decideBuild']);
    await complete(opened.id, 'decideBuild', staff.sales, { build: false, buildReason: '投资回收期过长' });
    expect(await read(opened.id)).toMatchObject({ status: 'closed', presales: { outcome: 'NOT_BUILT' } });
  });

  test('When the solution is lost, then the center archives the documents and it ends lost', async () => {
    const opened = await request();
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '专线', existingProductsMeet: true });
    await answerCheck(opened.id, true);
    await complete(opened.id, 'draftSolution', staff.kx, { solutionSummary: '双路由专线方案', complexSolution: false });
    await complete(opened.id, 'jointWork', staff.sales, { customerOutcome: 'LOST', customerFeedback: '价格高于竞争对手' });
    await complete(opened.id, 'archiveLost', staff.kx, { lessons: '报价需更有竞争力' });
    expect(await read(opened.id)).toMatchObject({ status: 'closed', presales: { outcome: 'LOST', deliveryOrders: [] } });
  });

  test('When a complex solution is reviewed, revised with the customer and won, then each contract circuit is reserved and gets a provisioning order', async () => {
    const opened = await request();
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '双路由', existingProductsMeet: true });
    await answerCheck(opened.id, true);

    // A complex solution needs its reviewing department.
    const draft = (await read(opened.id)).procedure?.tasks.find((x) => x.elementId === 'draftSolution');
    const missing = await t.gql(COMPLETE, { id: draft?.id, v: { solutionSummary: '双路由', complexSolution: true } }, staff.kx);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.reviewDepartment' });

    const proposal = await uploadAttachment(t, staff.kx, {
      name: '方案建议书.pdf',
      contentType: 'application/pdf',
      body: samplePdf('方案'),
    });
    await complete(opened.id, 'draftSolution', staff.kx, {
      solutionSummary: '双路由',
      complexSolution: true,
      reviewDepartment: 'OPS',
      solutionDocuments: [proposal],
    });
    const review = (await read(opened.id)).procedure?.tasks ?? [];
    expect(review.map((x) => [x.elementId, x.candidateDepartment])).toEqual([['reviewSolution', 'OPS']]);
    // Rework: the review sends it back to the draft, then approves the second one.
    await complete(opened.id, 'reviewSolution', staff.ops, { solutionApproved: false, reviewComments: '缺少割接方案' });
    await complete(opened.id, 'draftSolution', staff.kx, {
      solutionSummary: '双路由+割接',
      complexSolution: true,
      reviewDepartment: 'OPS',
    });
    await complete(opened.id, 'reviewSolution', staff.ops, { solutionApproved: true, reviewComments: '同意' });
    await complete(opened.id, 'jointWork', staff.sales, { customerOutcome: 'REVISE', customerFeedback: '分部带宽改为 100M' });
    await complete(opened.id, 'reviseSolution', staff.kx, { revisionSummary: '分部 100M' });
    await complete(opened.id, 'jointWork', staff.sales, { customerOutcome: 'WON' });
    const contractNumber = `HT-${Date.now().toString(36).toUpperCase()}`;
    await complete(opened.id, 'signContract', staff.sales, { contractNumber, deliveryDueAt: '2026-04-15' });

    const won = await read(opened.id);
    const { ticket: incident } = await t.ok<{ ticket: { procedure: { incident: unknown } } }>(
      'query($id: ID!) { ticket(id: $id) { procedure { incident { message elementId } } } }',
      { id: opened.id },
    );
    expect(incident.procedure.incident).toBeNull();
    expect(won.procedure?.status).toBe('COMPLETED');
    expect(won.status).toBe('closed');
    expect(won.attachments.map((a) => a.name)).toEqual(['方案建议书.pdf']);
    expect(won.presales?.outcome).toBe('WON');
    expect(won.presales?.contractNumber).toBe(contractNumber);
    const orders = won.presales?.deliveryOrders ?? [];
    expect(orders).toHaveLength(2);
    for (const [i, order] of orders.entries()) {
      expect(order).toMatchObject({ kind: 'CIRCUIT_DISPATCH', parent: { id: opened.id } });
      expect(order.circuits).toEqual([{ code: `${contractNumber}-${i + 1}`, status: 'reserved' }]);
    }
    // The same contract cannot be signed on a second request.
    const again = await request();
    await complete(again.id, 'meetCustomer', staff.kx, { detailedNeeds: '专线', existingProductsMeet: true });
    await answerCheck(again.id, true);
    await complete(again.id, 'draftSolution', staff.kx, { solutionSummary: '专线', complexSolution: false });
    await complete(again.id, 'jointWork', staff.sales, { customerOutcome: 'WON' });
    const sign = (await read(again.id)).procedure?.tasks.find((x) => x.elementId === 'signContract');
    const twice = await t.gql(COMPLETE, { id: sign?.id, v: { contractNumber, deliveryDueAt: '2026-04-15' } }, staff.sales);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.contractNumber' });
  });

  test('When the request is cancelled while its resource check runs, then the check is cancelled with it', async () => {
    const opened = await request();
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '专线', existingProductsMeet: true });
    const [child] = (await read(opened.id)).children;
    await t.ok(CANCEL, { id: opened.id });

    const cancelled = await read(opened.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.children).toEqual([
      expect.objectContaining({ id: child.id, status: 'cancelled', procedure: expect.objectContaining({ status: 'CANCELLED' }) }),
    ]);
    // Its department's task went with it.
    expect((await read(child.id)).procedure?.tasks).toEqual([]);
  });

  test('When the resource check alone is cancelled while the request waits for it, then it is CONFLICT naming the request, and nothing changes', async () => {
    const opened = await request();
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '专线', existingProductsMeet: true });
    const [child] = (await read(opened.id)).children;
    const refused = await t.gql(CANCEL, { id: child.id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', callerBusinessKey: opened.number });
    expect(refused.errors?.[0].message).toContain(opened.number);
    expect((await read(child.id)).status).not.toBe('cancelled');
    expect(await tasksOf(child.id)).toEqual(['checkNetwork']);
  });

  test('When the contract is signed with a number that cannot code its circuits, or a due day that is no day, past, or over a year away, then it is refused and the task stays open', async () => {
    const opened = await request();
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '专线', existingProductsMeet: true });
    await answerCheck(opened.id, true);
    await complete(opened.id, 'draftSolution', staff.kx, { solutionSummary: '专线', complexSolution: false });
    await complete(opened.id, 'jointWork', staff.sales, { customerOutcome: 'WON' });
    const sign = (await read(opened.id)).procedure?.tasks.find((x) => x.elementId === 'signContract');
    for (const [v, field] of [
      [{ contractNumber: 'HT,{"}\\', deliveryDueAt: '2026-04-15' }, 'variables.contractNumber'],
      [{ contractNumber: 'H'.repeat(41), deliveryDueAt: '2026-04-15' }, 'variables.contractNumber'],
      [{ contractNumber: 'HT-OK-1', deliveryDueAt: '2026-02-30' }, 'variables.deliveryDueAt'],
      [{ contractNumber: 'HT-OK-1', deliveryDueAt: 'March 7, 2026' }, 'variables.deliveryDueAt'],
      [{ contractNumber: 'HT-OK-1', deliveryDueAt: '2026-04-15T23:59:59-12:00' }, 'variables.deliveryDueAt'],
      [{ contractNumber: 'HT-OK-1', deliveryDueAt: '2020-01-01' }, 'variables.deliveryDueAt'],
      [{ contractNumber: 'HT-OK-1', deliveryDueAt: '9999-12-31' }, 'variables.deliveryDueAt'],
    ] as const) {
      const refused = await t.gql(COMPLETE, { id: sign?.id, v }, staff.sales);
      expect({ v, extensions: refused.errors?.[0].extensions }).toMatchObject({ v, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await tasksOf(opened.id)).toEqual(['signContract']);
    expect((await read(opened.id)).presales?.outcome).toBeNull();
  });

  test('When the meeting is not held within 2 working days across National Day, then the center is chased on the 9th of October', async () => {
    t.clock.set(new Date('2026-09-30T10:00:00+08:00'));
    const opened = await request();
    const [meet] = (await read(opened.id)).procedure?.tasks ?? [];
    // Sep 30 is day 0; Oct 1-7 are holidays; the 8th and 9th are the two working days.
    expect(new Date(meet.dueAt ?? '').toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' })).toBe('2026-10-09');
    t.clock.set(new Date('2026-10-08T17:00:00+08:00'));
    await t.hub.services.processes.poller.runOnce();
    const notYet = await t.ok<{ ticket: { history: { note: string | null }[] } }>(
      'query($id: ID!) { ticket(id: $id) { history { note } } }',
      {
        id: opened.id,
      },
    );
    expect(notYet.ticket.history.some((h) => h.note?.startsWith('催办'))).toBe(false);
    t.clock.set(new Date('2026-10-10T09:00:00+08:00'));
    await t.hub.services.processes.poller.runOnce();
    const chased = await t.ok<{ ticket: { history: { note: string | null }[] } }>(
      'query($id: ID!) { ticket(id: $id) { history { note } } }',
      {
        id: opened.id,
      },
    );
    expect(chased.ticket.history.filter((h) => h.note?.startsWith('催办'))).toHaveLength(1);
    expect(await tasksOf(opened.id)).toEqual(['meetCustomer']);
  });

  test('When a request names nothing to check, or comes as a plain PRESALES_SUPPORT ticket, then it is refused and nothing is stored', async () => {
    const count = async () =>
      (
        await t.ok<{ tickets: { totalCount: number } }>('query($c: ID!) { tickets(filter: {customerId: $c}) { totalCount } }', {
          c: world.customer.id,
        })
      ).tickets.totalCount;
    const before = await count();
    const empty = await t.gql(
      REQUEST,
      { input: { customerId: world.customer.id, title: '空', needs: '无', sites: ['总部'], circuits: [] } },
      world.accountManager.code,
    );
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'circuits' });
    const plain = await t.gql(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
      { input: { kind: 'PRESALES_SUPPORT', channel: 'VISIT', title: '售前', customerId: world.customer.id } },
      world.accountManager.code,
    );
    expect(plain.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(plain.errors?.[0].message).toContain('requestPresalesSupport');
    const blankSite = await t.gql(
      REQUEST,
      { input: { customerId: world.customer.id, title: '空', needs: '无', sites: ['  '], circuits: wanted } },
      world.accountManager.code,
    );
    expect(blankSite.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  test.each(
    TRANSPORTS,
  )('When a customer token or a contractor asks for presales support over %s, then it is FORBIDDEN', async (transport) => {
    const input = { customerId: world.customer.id, title: '售前', needs: '专线', sites: ['总部'], circuits: wanted };
    for (const as of [{ customerId: world.customer.id }, contractor]) {
      const answer = await over(transport, t, { query: REQUEST, variables: { input } }, as, { awaitRefusal: true });
      expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    }
  });
});
