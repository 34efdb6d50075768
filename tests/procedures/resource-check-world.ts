import { makeWorld, type World } from '../support/fixtures';
import type { GraphQLResponse, Identity, TestHub } from '../support/hub';

/** Helpers the resource-check stories share: the departments' staff, the request, tasks and the clock. */
export const REQUEST = `mutation($input: ResourceCheckRequestInput!) {
  requestResourceCheck(input: $input) { id number status kind resolutionDueAt } }`;
export const CHECK = `query($id: ID!) { ticket(id: $id) {
  status resolutionDueAt
  history { action note }
  procedure { status tasks { id elementId candidateDepartment candidateRole } }
  resourceCheck {
    scope coverageAsked sites branchReview forwardedAt overRule
    resources { position kind name site checkedAt checkedOnTime }
    quotes { part round investmentCny equipmentCostCny purchaseCycleDays newDucts totalDays overRule findings decision decisionReason }
    answer { resourcesSufficient networkReady optimizationNeeded investmentCny durationDays purchaseCycleDays summary }
  } } }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';

export interface Opened {
  id: string;
  number: string;
  status: string;
  kind: string;
  resolutionDueAt: string;
}
export interface CheckView {
  status: string;
  resolutionDueAt: string;
  history: { action: string; note: string | null }[];
  procedure: {
    status: string;
    tasks: { id: string; elementId: string; candidateDepartment: string | null; candidateRole: string | null }[];
  } | null;
  resourceCheck: {
    scope: string;
    coverageAsked: boolean;
    sites: string[];
    branchReview: string | null;
    forwardedAt: string | null;
    overRule: boolean;
    resources: {
      position: number;
      kind: string;
      name: string;
      site: string | null;
      checkedAt: string | null;
      checkedOnTime: boolean | null;
    }[];
    quotes: {
      part: string;
      round: number;
      investmentCny: number;
      equipmentCostCny: number | null;
      purchaseCycleDays: number | null;
      newDucts: boolean;
      totalDays: number;
      overRule: boolean;
      findings: string[];
      decision: string | null;
      decisionReason: string | null;
    }[];
    answer: {
      resourcesSufficient: boolean;
      networkReady: boolean;
      optimizationNeeded: boolean | null;
      investmentCny: number | null;
      durationDays: number | null;
      purchaseCycleDays: number | null;
      summary: string;
    } | null;
  } | null;
}

export const at = (local: string) => new Date(`${local}+08:00`);

/** A staff member of each department the check involves, and one contractor. */
export interface CheckStaff {
  kx: string;
  ops: string;
  proc: string;
  cons: string;
  opt: string;
  mcons: string;
  contractor: string;
}

export async function makeCheckWorld(t: TestHub): Promise<{ world: World; staff: CheckStaff }> {
  const world = await makeWorld(t, { level: 'GOLD', circuitCount: 0 });
  const suffix = Math.random().toString(36).slice(2, 8);
  const make = async (name: string, department: string, role: string) => {
    const code = `${name}.${suffix}`;
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { code, name: code, departmentId: world.departments[department], roles: [role] },
    });
    return code;
  };
  const staff: CheckStaff = {
    kx: world.duty.code,
    ops: await make('ops', 'OPS', 'OPERATIONS'),
    proc: await make('proc', 'PROC', 'PROCUREMENT'),
    cons: await make('cons', 'CONS', 'CONSTRUCTION'),
    opt: await make('opt', 'OPT', 'OPTIMIZATION'),
    mcons: await make('mcons', 'MCONS', 'CONSTRUCTION'),
    contractor: await make('builder', 'CONTRACTOR', 'CONTRACTOR'),
  };
  return { world, staff };
}

/** A request as sales makes it: two sites, a circuit and an outsourcing-service item. */
export const requestOf = (world: World, extra: Record<string, unknown> = {}) => ({
  customerId: world.customer.id,
  title: '园区新址专线资源核查',
  scope: 'LOCAL',
  coverageAsked: false,
  sites: ['星湖街328号 3号楼', '星湖街328号 机房'],
  resources: [
    { kind: 'CIRCUIT', name: '100M 互联网专线', site: '星湖街328号 3号楼' },
    { kind: 'OUTSOURCING_SERVICE', name: '机房代维外包服务' },
  ],
  ...extra,
});

export function checkSteps(t: TestHub) {
  const read = async (id: string) => (await t.ok<{ ticket: CheckView }>(CHECK, { id })).ticket;
  const openTasks = async (id: string) => (await read(id)).procedure?.tasks ?? [];
  const complete = async (
    id: string,
    elementId: string,
    who: Identity,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse<Record<string, unknown>>> => {
    const task = (await openTasks(id)).find((x) => x.elementId === elementId);
    expect({ elementId, open: task !== undefined }).toEqual({ elementId, open: true });
    return t.gql<Record<string, unknown>>(COMPLETE, { id: task?.id, v: variables }, who);
  };
  const completeOk = async (id: string, elementId: string, who: Identity, variables: Record<string, unknown>) => {
    const answer = await complete(id, elementId, who, variables);
    expect(answer.errors).toBeUndefined();
  };
  const request = async (as: Identity, input: Record<string, unknown>) => {
    const answer = await t.gql<{ requestResourceCheck: Opened }>(REQUEST, { input }, as);
    if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
    return (answer.data as { requestResourceCheck: Opened }).requestResourceCheck;
  };
  /** The clock moves to `local` (China time); due timers fire, twice, to show nothing fires twice. */
  const moveTo = async (local: string) => {
    t.clock.set(at(local));
    for (let i = 0; i < 2; i++) await t.hub.services.processes.poller.runOnce();
  };
  const notes = async (id: string, prefix: string) =>
    (await read(id)).history.map((e) => e.note ?? '').filter((note) => note.startsWith(prefix));
  return { read, openTasks, complete, completeOk, request, moveTo, notes };
}
