import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';
import { codesOf } from '../support/transports';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number status severity resolutionDueAt procedure { processKey status } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { status severity resolutionDueAt
  history { action note customerVisible changes { field from to } }
  procedure { status tasks { id elementId candidateDepartment candidateRole } } } }`;
const FACTS = `query($id: ID!) { ticket(id: $id) { complaint { matter affectedSites sameMatterCount gradeReasons } } }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const COUNT = `query($c: ID!) { tickets(filter: {customerId: $c}) { totalCount } }`;

interface Opened {
  id: string;
  number: string;
  status: string;
  severity: string;
  resolutionDueAt: string;
}
interface TicketView {
  status: string;
  severity: string | null;
  resolutionDueAt: string;
  history: {
    action: string;
    note: string | null;
    customerVisible: boolean;
    changes: { field: string; from: string | null; to: string | null }[];
  }[];
  procedure: {
    status: string;
    tasks: { id: string; elementId: string; candidateDepartment: string | null; candidateRole: string | null }[];
  } | null;
}
interface Facts {
  matter?: string;
  affectedSites?: number;
  safetyRisk?: boolean;
  publicExposureRisk?: boolean;
  massIncident?: boolean;
}

const at = (local: string) => new Date(`${local}+08:00`);
const ordinary = (matter: string): Facts => ({
  matter,
  affectedSites: 1,
  safetyRisk: false,
  publicExposureRisk: false,
  massIncident: false,
});

describe('Complaint handling (投诉处理): graded by its facts, handled by severity, chased on the center calendar', () => {
  let t: TestHub;
  let gold: World;
  let bronze: World;
  let staff: { ops: string; kx: string; sales: string };
  let kxSupervisor: string;
  let opsSupervisor: string;

  beforeAll(async () => {
    t = await startTestHub();
    gold = await makeWorld(t, { level: 'GOLD', circuitCount: 0 });
    bronze = await makeWorld(t, { level: 'BRONZE', circuitCount: 0 });
    staff = await makeStaff(t);
    const supervisor = async (code: string, department: string) => {
      await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { code, name: code, departmentId: gold.departments[department], roles: ['SUPERVISOR'] },
      });
      return code;
    };
    kxSupervisor = await supervisor(`kx.sup.${Date.now().toString(36)}`, 'KX');
    opsSupervisor = await supervisor(`ops.sup.${Date.now().toString(36)}`, 'OPS');
  });
  afterAll(() => t.stop());

  const openAnswer = (world: World, complaint: Facts | undefined, extra: Record<string, unknown> = {}) =>
    t.gql<{ openTicket: Opened }>(
      OPEN,
      { input: { kind: 'COMPLAINT', channel: 'PHONE', title: '投诉', customerId: world.customer.id, complaint, ...extra } },
      world.duty.code,
    );
  const open = async (world: World, complaint: Facts, extra: Record<string, unknown> = {}) => {
    const answer = await openAnswer(world, complaint, extra);
    if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
    return (answer.data as { openTicket: Opened }).openTicket;
  };
  const read = async (id: string) => (await t.ok<{ ticket: TicketView }>(TICKET, { id })).ticket;
  const openTasks = async (id: string) => (await read(id)).procedure?.tasks ?? [];
  const complete = async (id: string, elementId: string, who: string, variables: Record<string, unknown> = {}) => {
    const task = (await openTasks(id)).find((x) => x.elementId === elementId);
    expect({ elementId, found: task !== undefined }).toEqual({ elementId, found: true });
    return t.gql(COMPLETE, { id: task?.id, v: variables }, who);
  };
  const completeOk = async (id: string, elementId: string, who: string, variables: Record<string, unknown> = {}) => {
    const answer = await complete(id, elementId, who, variables);
    expect(answer.errors).toBeUndefined();
  };
  const moveTo = async (local: string) => {
    t.clock.set(at(local));
    await t.hub.services.processes.poller.runOnce();
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
  };
  const notes = async (id: string, prefix: string) =>
    (await read(id)).history.map((e) => e.note ?? '').filter((note) => note.startsWith(prefix));
  const accept = async (id: string, handler = 'OPS', ourFault = false) => {
    await completeOk(id, 'checkValidity', staff.kx, { valid: true });
    await completeOk(id, 'classify', staff.kx, { category: 'NETWORK_QUALITY', handler, ourFault });
  };

  test('When a complaint is invalid and the reason is given, then the customer is told it and the ticket ends rejected', async () => {
    t.clock.set(at('2026-09-21T10:00:00'));
    const opened = await open(gold, ordinary('重复投诉'));
    expect(opened).toMatchObject({ status: 'acknowledged', severity: 'ORDINARY' });
    await completeOk(opened.id, 'checkValidity', staff.kx, { valid: false, invalidReason: '已于上周处理完毕' });
    const ticket = await read(opened.id);
    expect(ticket).toMatchObject({ status: 'rejected', procedure: { status: 'COMPLETED', tasks: [] } });
    expect(ticket.history).toContainEqual(
      expect.objectContaining({ note: '投诉不予受理 (declined): 已于上周处理完毕', customerVisible: true }),
    );
  });

  test('When a complaint is marked invalid without a reason, then it is BAD_USER_INPUT and nothing changes', async () => {
    t.clock.set(at('2026-09-21T10:30:00'));
    const opened = await open(gold, ordinary('无理由'));
    const refused = await complete(opened.id, 'checkValidity', staff.kx, { valid: false, invalidReason: '  ' });
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0].message).toMatch(/reason/);
    const ticket = await read(opened.id);
    expect(ticket.status).toBe('acknowledged');
    expect(ticket.procedure?.tasks.map((x) => x.elementId)).toEqual(['checkValidity']);
  });

  test('When an ordinary complaint runs past Mid-Autumn and National Day, then the owner is reminded and OPS chased once each, the make-up Saturday counts, and the callback closes it', async () => {
    t.clock.set(at('2026-09-24T10:00:00'));
    const opened = await open(gold, ordinary('宽带速率不达标'));
    // 5 working days: 28, 29, 30 September, 8 and 9 October (25-27 Sep and 1-7 Oct are holidays).
    expect(opened).toMatchObject({ severity: 'ORDINARY', resolutionDueAt: at('2026-10-09T17:30:00').toISOString() });
    await accept(opened.id);
    expect((await read(opened.id)).status).toBe('inProgress');
    const resolve = (await openTasks(opened.id)).find((x) => x.elementId === 'resolve');
    expect(resolve).toMatchObject({ candidateDepartment: 'OPS' });

    await moveTo('2026-10-08T17:00:00');
    expect(await notes(opened.id, '提醒')).toEqual([]);
    await moveTo('2026-10-09T17:00:00');
    expect(await notes(opened.id, '提醒')).toHaveLength(1);
    await moveTo('2026-10-09T17:31:00');
    await moveTo('2026-10-09T17:45:00');
    expect(await notes(opened.id, '提醒')).toHaveLength(1);
    expect(await notes(opened.id, '催办')).toEqual([expect.stringMatching(/^催办: OPS chased/)]);
    // One working day after the deadline is Saturday 10 October, a make-up working day.
    expect((await openTasks(opened.id)).map((x) => x.elementId)).toEqual(['resolve']);
    await moveTo('2026-10-10T17:31:00');
    const escalation = (await openTasks(opened.id)).find((x) => x.elementId === 'escalateLate');
    expect(escalation).toMatchObject({ candidateDepartment: 'OPS', candidateRole: 'SUPERVISOR' });
    expect(await notes(opened.id, '催办')).toHaveLength(1);

    await completeOk(opened.id, 'escalateLate', opsSupervisor, { lateDecision: '周一前完成' });
    await completeOk(opened.id, 'resolve', staff.ops, { resolution: '更换端口' });
    expect((await read(opened.id)).status).toBe('resolved');
    await completeOk(opened.id, 'callback', staff.kx, { satisfaction: 'SATISFIED', callbackRemark: '满意' });
    const closed = await read(opened.id);
    expect(closed).toMatchObject({ status: 'closed', procedure: { status: 'COMPLETED' } });
    expect(closed.history.map((e) => e.note)).toContain('回访: satisfaction SATISFIED: 满意');
  });

  test('When a bronze customer complains of a safety risk before the holidays, then it is MAJOR, escalated to the center supervisor, and chased on the make-up Saturday', async () => {
    t.clock.set(at('2026-09-30T15:00:00'));
    const opened = await open(bronze, { ...ordinary('机房漏电'), safetyRisk: true });
    // 3 working days: 8, 9 and Saturday 10 October.
    expect(opened).toMatchObject({ severity: 'MAJOR', resolutionDueAt: at('2026-10-10T17:30:00').toISOString() });
    const { ticket } = await t.ok<{ ticket: { complaint: { gradeReasons: string[] } } }>(FACTS, { id: opened.id }, staff.kx);
    expect(ticket.complaint.gradeReasons).toEqual(['safety risk']);
    await completeOk(opened.id, 'checkValidity', staff.kx, { valid: true });
    await completeOk(opened.id, 'classify', staff.kx, { category: 'NETWORK_QUALITY', handler: 'TRANS', ourFault: false });
    const major = (await openTasks(opened.id)).find((x) => x.elementId === 'majorEscalation');
    expect(major).toMatchObject({ candidateDepartment: 'KX', candidateRole: 'SUPERVISOR' });
    const notSupervisor = await complete(opened.id, 'majorEscalation', staff.kx, { escalationDecision: '-' });
    expect(codesOf(notSupervisor)).toEqual(['FORBIDDEN']);
    await completeOk(opened.id, 'majorEscalation', kxSupervisor, { escalationDecision: '当日处理' });
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateDepartment])).toEqual([['resolve', 'TRANS']]);
    await moveTo('2026-10-10T14:00:00');
    await moveTo('2026-10-10T17:31:00');
    expect(await notes(opened.id, '提醒')).toHaveLength(1);
    expect(await notes(opened.id, '催办')).toEqual([expect.stringMatching(/^催办: TRANS chased/)]);
  });

  test("When the 10th complaint on one matter comes in within 30 days, then it is MAJOR and the matter's other open complaints escalate, each recorded", async () => {
    t.clock.set(at('2026-11-02T09:00:00'));
    const matter = '园区 5G 信号差';
    const first = await open(gold, ordinary(matter));
    await completeOk(first.id, 'checkValidity', staff.kx, { valid: false, invalidReason: '非本公司网络' });
    const others: Opened[] = [];
    for (let i = 0; i < 8; i++) {
      t.clock.set(at(`2026-11-${String(3 + i).padStart(2, '0')}T10:00:00`));
      others.push(
        await open(i % 2 ? bronze : gold, ordinary(i === 3 ? '园区 5g  信号差' : matter), { channel: i === 5 ? 'WEB_FORUM' : 'PHONE' }),
      );
    }
    expect(others.map((o) => o.severity)).toEqual(Array(8).fill('ORDINARY'));
    t.clock.set(at('2026-11-20T10:00:00'));
    const tenth = await open(bronze, ordinary(matter), { channel: 'WEB_FORUM' });
    expect(tenth.severity).toBe('MAJOR');
    const { ticket } = await t.ok<{ ticket: { complaint: { sameMatterCount: number; gradeReasons: string[] } } }>(FACTS, { id: tenth.id });
    expect(ticket.complaint).toMatchObject({ matter, sameMatterCount: 10, gradeReasons: ['10 complaints on this matter within 30 days'] });
    for (const other of others) {
      const view = await read(other.id);
      expect(view.severity).toBe('MAJOR');
      expect(view.history).toContainEqual(
        expect.objectContaining({
          note: expect.stringContaining(`escalated to MAJOR: 10 complaints on this matter within 30 days (${tenth.number})`),
        }),
      );
    }
    // The rejected one is finished: it stays as it was.
    expect((await read(first.id)).severity).toBe('ORDINARY');
    // An escalated complaint not yet past its severity gateway takes the supervisor's path.
    await accept(others[0].id);
    expect((await openTasks(others[0].id)).map((x) => x.elementId)).toEqual(['majorEscalation']);
  });

  test('When a complaint is a mass incident, then it is CRISIS and leadership takes charge', async () => {
    t.clock.set(at('2026-11-23T09:00:00'));
    const opened = await open(gold, { ...ordinary('群体上访'), massIncident: true, affectedSites: 50 });
    expect(opened.severity).toBe('CRISIS');
    await accept(opened.id, 'REGION');
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateDepartment, x.candidateRole])).toEqual([
      ['crisisResponse', null, 'SUPERVISOR'],
    ]);
    await completeOk(opened.id, 'crisisResponse', opsSupervisor, { crisisPlan: '启动应急预案' });
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateDepartment])).toEqual([['resolve', 'REGION']]);
  });

  test('When a complaint stays unresolved for 40 working days by our fault, then it becomes MAJOR', async () => {
    t.clock.set(at('2026-11-24T09:00:00'));
    const ours = await open(gold, ordinary('长期未解决'));
    const theirs = await open(gold, ordinary('长期未解决 (客户原因)'));
    await accept(ours.id, 'OPS', true);
    await accept(theirs.id, 'OPS', false);
    // 40 working days from 24 November: 4 in November, 23 in December, the 40th around 20 January.
    await moveTo('2027-01-15T09:00:00');
    expect((await read(ours.id)).severity).toBe('ORDINARY');
    await moveTo('2027-01-22T09:00:00');
    const escalated = await read(ours.id);
    expect(escalated.severity).toBe('MAJOR');
    expect(escalated.history.map((e) => e.note)).toContain('escalated to MAJOR: unresolved for 2 months by our fault');
    expect((await read(theirs.id)).severity).toBe('ORDINARY');
  });

  test('When facts are missing, oversized, or given for another kind, then it is BAD_USER_INPUT naming the field and nothing is opened', async () => {
    const before = (await t.ok<{ tickets: { totalCount: number } }>(COUNT, { c: gold.customer.id })).tickets.totalCount;
    const missing = await openAnswer(gold, undefined);
    expect(codesOf(missing)).toEqual(['BAD_USER_INPUT']);
    expect(missing.errors?.[0].message).toMatch(/complaint \{ matter/);
    const noMatter = await openAnswer(gold, { affectedSites: 1, safetyRisk: false, publicExposureRisk: false, massIncident: false });
    expect(codesOf(noMatter)).toEqual(['BAD_USER_INPUT']);
    expect(noMatter.errors?.[0].message).toMatch(/matter/);
    const oversized = await openAnswer(gold, ordinary('投'.repeat(201)));
    expect(codesOf(oversized)).toEqual(['BAD_USER_INPUT']);
    const blank = await openAnswer(gold, ordinary('   '));
    expect(codesOf(blank)).toEqual(['BAD_USER_INPUT']);
    const fault = await t.gql(
      OPEN,
      { input: { kind: 'FAULT', channel: 'PHONE', title: '中断', customerId: gold.customer.id, complaint: ordinary('x') } },
      gold.duty.code,
    );
    expect(codesOf(fault)).toEqual(['BAD_USER_INPUT']);
    expect(fault.errors?.[0].message).toMatch(/Only a COMPLAINT takes complaint facts/);
    expect((await t.ok<{ tickets: { totalCount: number } }>(COUNT, { c: gold.customer.id })).tickets.totalCount).toBe(before);
  });

  test("When a customer token asks for a complaint's facts, then another customer's ticket is not found and its own facts are FORBIDDEN", async () => {
    t.clock.set(at('2026-11-25T10:00:00'));
    const opened = await open(gold, ordinary('客户可见性'));
    const other = await t.gql<{ ticket: null }>(FACTS, { id: opened.id }, { customerId: bronze.customer.id });
    expect(other.data?.ticket ?? null).toBeNull();
    expect(JSON.stringify(other)).not.toContain('客户可见性');
    const own = await t.gql(FACTS, { id: opened.id }, { customerId: gold.customer.id });
    expect(codesOf(own)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(own)).not.toContain('客户可见性');
  });
});
