import { makeWorld, type World } from '../support/fixtures';
import type { Identity, TestHub } from '../support/hub';

/** What the cutover stories share: customers of each level, the network team, the center, and the API calls. */
export const NOTICE_FIELDS = `id status round timesTold notifyBy notifyDueAt late customerAgrees refusalReason
  serviceLevel crossRegion leadTime { workingDays hours }
  customer { id code serviceLevel } accountManager { id code } circuits { id code }`;
/** The same without circuits, for reading a whole cutover ticket within the cost limit. */
const NOTICE_BRIEF = NOTICE_FIELDS.replace(' circuits { id code }', '');
export const PLAN = `query($input: CutoverInput!) { planCutover(input: $input) {
  needsApproval feasible problems earliestStart
  notices { ${NOTICE_FIELDS} } late { customer { code } notifyBy } } }`;
export const REQUEST = `mutation($input: CutoverInput!) { requestCutover(input: $input) {
  id status needsApproval round startsAt endsAt emergency reason
  ticket { id number status kind }
  notices { ${NOTICE_FIELDS} } } }`;
export const CUTOVER = `query($id: ID!) { ticket(id: $id) {
  id number status resolutionDueAt
  history(last: 40) { action note }
  reports { kind title }
  procedure { status tasks { id elementId } calledInstances { id status tasks { id elementId dueAt assignee { code } } } }
  cutover { id status round startsAt endsAt decisionReason notices { ${NOTICE_BRIEF} } } } }`;
export const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';

export interface NoticeView {
  id: string | null;
  status: string;
  round: number;
  timesTold: number;
  notifyBy: string;
  notifyDueAt: string;
  late: boolean;
  customerAgrees: boolean | null;
  refusalReason: string | null;
  serviceLevel: string;
  crossRegion: boolean;
  leadTime: { workingDays: number | null; hours: number | null };
  customer: { id: string; code: string; serviceLevel: string };
  accountManager: { id: string; code: string } | null;
  circuits?: { id: string; code: string }[];
}
export interface PlanView {
  needsApproval: boolean;
  feasible: boolean;
  problems: string[];
  earliestStart: string;
  notices: NoticeView[];
  late: { customer: { code: string }; notifyBy: string }[];
}
export interface CutoverTicket {
  id: string;
  number: string;
  status: string;
  resolutionDueAt: string;
  history: { action: string; note: string | null }[];
  reports: { kind: string; title: string }[];
  procedure: {
    status: string;
    tasks: { id: string; elementId: string }[];
    calledInstances: {
      id: string;
      status: string;
      tasks: { id: string; elementId: string; dueAt: string | null; assignee: { code: string } | null }[];
    }[];
  } | null;
  cutover: {
    id: string;
    status: string;
    round: number;
    startsAt: string;
    endsAt: string;
    decisionReason: string | null;
    notices: NoticeView[];
  };
}

export interface Staff {
  ops: string;
  cons: string;
  kx: string;
  contractor: string;
}

const suffix = () => Math.random().toString(36).slice(2, 8);

/** The network teams and the center, created through the API. */
export async function makeCutoverStaff(t: TestHub): Promise<Staff> {
  const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
  const id = (code: string) => departments.find((d) => d.code === code)?.id;
  const make = async (prefix: string, department: string, role: string) => {
    const code = `${prefix}.${suffix()}`;
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { code, name: code, departmentId: id(department), roles: [role] },
    });
    return code;
  };
  return {
    ops: await make('ops', 'OPS', 'OPERATIONS'),
    cons: await make('cons', 'CONS', 'CONSTRUCTION'),
    kx: await make('kx', 'KX', 'RESPONSE_CENTER'),
    contractor: await make('contractor', 'CONTRACTOR', 'CONTRACTOR'),
  };
}

/** A customer of `level` with its own account manager and circuits; cross-region only when asked. */
export async function makeCustomer(t: TestHub, level: string, options: { crossRegion?: boolean; circuits?: number } = {}): Promise<World> {
  const world = await makeWorld(t, { level, circuitCount: options.circuits ?? 1 });
  if (options.crossRegion !== true) {
    await t.ok('mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }', {
      input: { id: world.customer.id, version: world.customer.version, crossRegion: false },
    });
  }
  return world;
}

export const cutoverInput = (worlds: readonly World[], startsAt: Date, extra: Record<string, unknown> = {}) => ({
  circuitIds: worlds.flatMap((w) => w.circuits.map((c) => c.id)),
  startsAt: startsAt.toISOString(),
  endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString(),
  kind: 'CUTOVER',
  ...extra,
});

export async function plan(t: TestHub, input: Record<string, unknown>, as: Identity): Promise<PlanView> {
  return (await t.ok<{ planCutover: PlanView }>(PLAN, { input }, as)).planCutover;
}

export async function readCutover(t: TestHub, ticketId: string): Promise<CutoverTicket> {
  return (await t.ok<{ ticket: CutoverTicket }>(CUTOVER, { id: ticketId })).ticket;
}

/** The account manager's open notice task for its customer: assigned to them as it opened. */
export interface NoticeTask {
  id: string;
  name: string;
  dueAt: string | null;
  assignee: { code: string } | null;
  cutoverNotice: { id: string; notifyBy: string; customer: { id: string } } | null;
}
export async function noticeTask(t: TestHub, manager: string, customerId: string): Promise<NoticeTask> {
  const { tasks } = await t.ok<{ tasks: NoticeTask[] }>(
    '{ tasks(filter: { mine: true }) { id name dueAt assignee { code } cutoverNotice { id notifyBy customer { id } } } }',
    {},
    manager,
  );
  const task = tasks.find((node) => node.cutoverNotice?.customer.id === customerId);
  if (!task) throw new Error(`${manager} has no open notice task for customer ${customerId}`);
  return task;
}

export async function tick(t: TestHub, at: Date): Promise<void> {
  t.clock.set(at);
  await t.hub.services.processes.poller.runOnce();
}

export const notes = (ticket: CutoverTicket, prefix: string) =>
  ticket.history.filter((e) => e.action === 'NOTE_ADDED' && e.note?.startsWith(prefix)).map((e) => e.note);

const DAY_MS = 24 * 3600_000;

/** A start every customer can be told in time for, `days` after the earliest (at 02:00 China time). */
export async function feasibleStart(t: TestHub, as: Identity, worlds: World[], days: number): Promise<Date> {
  const { earliestStart } = await plan(t, cutoverInput(worlds, new Date(t.clock.now().getTime() + 60 * DAY_MS)), as);
  return new Date(new Date(earliestStart).getTime() + days * DAY_MS + 2 * 3600_000);
}

/** Requests a four-hour cutover of these customers' circuits; answers its ticket. */
export async function requestCutover(t: TestHub, as: Identity, worlds: World[], startsAt: Date): Promise<{ id: string; number: string }> {
  const answer = await t.ok<{ requestCutover: { ticket: { id: string; number: string } } }>(
    REQUEST,
    { input: cutoverInput(worlds, startsAt) },
    as,
  );
  return answer.requestCutover.ticket;
}

/** The id of the cutover's own open task at `elementId`. */
export async function taskOf(t: TestHub, ticketId: string, elementId: string): Promise<string> {
  const task = (await readCutover(t, ticketId)).procedure?.tasks.find((x) => x.elementId === elementId);
  if (!task) throw new Error(`no open ${elementId} task`);
  return task.id;
}
