import { makeWorld, type World } from '../support/fixtures';
import type { TestHub } from '../support/hub';

/** What the circuit-provisioning tests read of an order's ticket. */
export const ORDER = `query($id: ID!) { ticket(id: $id) {
  id number status resolutionDueAt reportDueAt
  provisioning {
    purpose chain level orderedAt overallDueAt workingDays contractNumber completedAt cycleWorkingDays
    steps { step name department days dueAt doneAt late remindedAt chasedAt }
    circuits { statusBefore activatedAt terminatedAt activatedOnTime circuit { id code status } testReport { title onTime } }
  }
  history { action note changes { field from to } }
  procedure { status tasks { id elementId candidateDepartment dueAt } }
} }`;

export interface OrderView {
  id: string;
  number: string;
  status: string;
  resolutionDueAt: string;
  reportDueAt: string | null;
  provisioning: {
    purpose: string;
    chain: string;
    level: string;
    orderedAt: string;
    overallDueAt: string;
    workingDays: number;
    contractNumber: string | null;
    completedAt: string | null;
    cycleWorkingDays: number | null;
    steps: {
      step: string;
      name: string;
      department: string;
      days: number;
      dueAt: string;
      doneAt: string | null;
      late: boolean;
      remindedAt: string | null;
      chasedAt: string | null;
    }[];
    circuits: {
      statusBefore: string;
      activatedAt: string | null;
      terminatedAt: string | null;
      activatedOnTime: boolean | null;
      circuit: { id: string; code: string; status: string };
      testReport: { title: string; onTime: boolean } | null;
    }[];
  } | null;
  history: { action: string; note: string | null; changes: { field: string; from: string | null; to: string | null }[] }[];
  procedure: {
    status: string;
    tasks: { id: string; elementId: string; candidateDepartment: string | null; dueAt: string | null }[];
  } | null;
}

export const DISPATCH = `mutation($input: DispatchOrderInput!) { dispatchCircuits(input: $input) { id number status resolutionDueAt } }`;
export const CLOSE = `mutation($input: CloseServiceInput!) { closeCircuitService(input: $input) { id number status resolutionDueAt } }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const REPORT = 'mutation($input: SubmitReportInput!) { submitReport(input: $input) { onTime } }';
const CIRCUIT_HISTORY = `query($id: ID!) { circuit(id: $id) { status history { action note changes { field from to } } } }`;

/** China Standard Time, as the center reads a time. */
export const cst = (local: string): Date => new Date(`${local}+08:00`);
export const iso = (local: string): string => cst(local).toISOString();

/** One member of staff in each department that works on orders, and a contractor. */
export interface Staff {
  ops: string;
  region: string;
  kx: string;
  sales: string;
  cons: string;
  trans: string;
  contractor: string;
}

let sequence = 0;

export async function makeStaff(t: TestHub, world: World): Promise<Staff> {
  const suffix = `${Date.now().toString(36)}${sequence++}`;
  const make = async (code: string, department: string, role: string) => {
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { code: `${code}.${suffix}`, name: code, departmentId: world.departments[department], roles: [role] },
    });
    return `${code}.${suffix}`;
  };
  return {
    ops: await make('ops', 'OPS', 'OPERATIONS'),
    region: await make('region', 'REGION', 'MAINTENANCE_UNIT'),
    kx: await make('kx', 'KX', 'RESPONSE_CENTER'),
    sales: await make('sales', 'SALES', 'ACCOUNT_MANAGER'),
    cons: await make('cons', 'CONS', 'CONSTRUCTION'),
    trans: await make('trans', 'TRANS', 'OPERATIONS'),
    contractor: await make('contractor', 'CONTRACTOR', 'CONTRACTOR'),
  };
}

/** A customer with no circuits yet; circuits are made per test with the status and type it needs. */
export const makeCustomer = (t: TestHub): Promise<World> => makeWorld(t, { circuitCount: 0 });

export async function makeCircuit(
  t: TestHub,
  world: World,
  options: { status?: string; serviceType?: string; customerId?: string } = {},
): Promise<{ id: string; code: string }> {
  const res = await t.ok<{ createCircuit: { id: string; code: string } }>(
    `mutation($input: CreateCircuitInput!) { createCircuit(input: $input) { id code } }`,
    {
      input: {
        code: `SZ-PRV-${Date.now().toString(36).toUpperCase()}${(sequence++).toString(36).toUpperCase()}`,
        customerId: options.customerId ?? world.customer.id,
        serviceType: options.serviceType ?? 'DATA_LINE',
        bandwidthMbps: 100,
        aEnd: '苏州工业园区星湖街328号',
        zEnd: '苏州高新区竹园路209号',
        accessTechnology: 'FIBER_PTN',
        status: options.status ?? 'designed',
      },
    },
    world.duty.code,
  );
  return res.createCircuit;
}

/** The order's ticket, its procedure's open tasks and its steps, and how each moves. */
export function orders(t: TestHub) {
  const read = async (id: string) => (await t.ok<{ ticket: OrderView }>(ORDER, { id })).ticket;
  const task = async (id: string, elementId: string) => (await read(id)).procedure?.tasks.find((x) => x.elementId === elementId);
  return {
    read,
    task,
    async dispatch(
      input: Record<string, unknown>,
      as: string,
    ): Promise<{ id: string; number: string; status: string; resolutionDueAt: string }> {
      return (
        await t.ok<{ dispatchCircuits: { id: string; number: string; status: string; resolutionDueAt: string } }>(DISPATCH, { input }, as)
      ).dispatchCircuits;
    },
    async complete(id: string, elementId: string, who: string, variables: Record<string, unknown> = {}): Promise<void> {
      const open = await task(id, elementId);
      expect({ elementId, open: open !== undefined }).toEqual({ elementId, open: true });
      await t.ok(COMPLETE, { id: open?.id, v: variables }, who);
    },
    async report(id: string, who: string, title = '电路测试报告'): Promise<{ onTime: boolean }> {
      const res = await t.ok<{ submitReport: { onTime: boolean } }>(
        REPORT,
        { input: { ticketId: id, kind: 'TEST', title, content: '误码测试 24 小时通过，时延 3 ms' } },
        who,
      );
      return res.submitReport;
    },
    async notes(id: string, prefix: string): Promise<string[]> {
      return (await read(id)).history.filter((e) => e.action === 'NOTE_ADDED' && e.note?.startsWith(prefix)).map((e) => e.note ?? '');
    },
    async circuitHistory(circuitId: string) {
      return (
        await t.ok<{
          circuit: {
            status: string;
            history: { action: string; note: string | null; changes: { field: string; from: string; to: string }[] }[];
          };
        }>(CIRCUIT_HISTORY, { id: circuitId })
      ).circuit;
    },
    /** The clock moves to `local` (China time) and the timers fire, twice, to show nothing fires twice. */
    async moveTo(local: string): Promise<void> {
      t.clock.set(cst(local));
      for (let i = 0; i < 2; i++) await t.hub.services.processes.poller.runOnce();
    },
  };
}

/** The standard chain from allocation to 报竣, each step by its department (up to the test report's wait without `report`). */
export async function runStandardChain(
  t: TestHub,
  staff: Staff,
  id: string,
  options: { at?: (step: string) => Promise<void>; report?: boolean } = {},
): Promise<void> {
  const o = orders(t);
  const at = options.at ?? (async () => undefined);
  await at('allocate');
  await o.complete(id, 'allocate', staff.ops, { localResources: '园区OLT-03 PON口 2/1/4，光交箱 GJ-118 纤芯 7-8' });
  await at('dispatch');
  await o.complete(id, 'dispatch', staff.ops, { workOrders: '园区装维班组，工单 ZW-2026-0311' });
  await at('configure');
  await o.complete(id, 'configure', staff.ops, { dataConfigured: 'VLAN 1203，PTN 业务端口 4/2' });
  await at('test');
  await o.complete(id, 'test', staff.region, { testPassed: true });
  // Without the test report the order waits for it: the test goes on from there.
  if (options.report === false) return;
  await at('testReport');
  await o.report(id, staff.region);
  await at('reportCompletion');
  await o.complete(id, 'reportCompletion', staff.kx, { completionNote: '已向省公司报竣' });
}
