import { uploadAttachment } from './attachments';
import { makeWorld, type World } from './fixtures';
import type { GraphQLResponse, Identity, TestHub } from './hub';

/** The people of a handover acceptance (交维验收), one per department that takes part, made through the API. */
export interface HandoverWorld extends World {
  cons: string;
  support: string;
  trans: string;
  region: string;
  contractor: string;
  otherContractor: string;
  ops: string;
  users: Record<string, string>;
}

export const REQUEST = `mutation($input: HandoverAcceptanceInput!) { requestHandoverAcceptance(input: $input) {
  id number status kind ownerDepartment { code } } }`;

export const ACCEPTANCE = `query($id: ID!) { ticket(id: $id) { status
  history { action note } attachments { id name }
  handoverAcceptance { works { kind description } reworkRounds defects approvedAt submittedAt
    contractor { department { code } user { code } } maintainingDepartment { code }
    documents { signOff completionPlan asBuiltDrawings }
    reworks { round defects note documents }
    tests { round kind passed department remark }
    circuits { circuit { id code maintainingDepartment { code } } maintainingDepartment { code } } }
  procedure { status tasks { id elementId candidateDepartment candidateRole dueAt assignee { code } } } } }`;

export interface AcceptanceView {
  status: string;
  history: { action: string; note: string | null }[];
  attachments: { id: string; name: string }[];
  handoverAcceptance: {
    works: { kind: string; description: string }[];
    reworkRounds: number;
    defects: string[];
    approvedAt: string | null;
    submittedAt: string | null;
    contractor: { department: { code: string }; user: { code: string } | null };
    maintainingDepartment: { code: string };
    documents: { signOff: string[]; completionPlan: string[]; asBuiltDrawings: string[] } | null;
    reworks: { round: number; defects: string[]; note: string; documents: string[] }[];
    tests: { round: number; kind: string; passed: boolean; department: string; remark: string | null }[];
    circuits: {
      circuit: { id: string; code: string; maintainingDepartment: { code: string } | null };
      maintainingDepartment: { code: string } | null;
    }[];
  } | null;
  procedure: {
    status: string;
    tasks: {
      id: string;
      elementId: string;
      candidateDepartment: string | null;
      candidateRole: string | null;
      dueAt: string | null;
      assignee: { code: string } | null;
    }[];
  } | null;
}

const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id code } }';

let sequence = 0;

/** A customer with circuits and one member of staff in each department an acceptance involves, and two contractors. */
export async function makeHandoverWorld(t: TestHub, circuitCount = 2): Promise<HandoverWorld> {
  const world = await makeWorld(t, { circuitCount });
  const suffix = `${Date.now().toString(36)}${(sequence++).toString(36)}`;
  const users: Record<string, string> = {};
  const make = async (name: string, department: string, role: string) => {
    const code = `${name}.${suffix}`;
    const made = await t.ok<{ createUser: { id: string; code: string } }>(CREATE_USER, {
      input: { code, name: code, departmentId: world.departments[department], roles: [role] },
    });
    users[code] = made.createUser.id;
    return code;
  };
  return {
    ...world,
    cons: await make('cons', 'CONS', 'CONSTRUCTION'),
    support: await make('support', 'KX', 'RESPONSE_CENTER'),
    trans: await make('trans', 'TRANS', 'MAINTENANCE_UNIT'),
    region: await make('region', 'REGION', 'MAINTENANCE_UNIT'),
    contractor: await make('contractor', 'CONTRACTOR', 'CONTRACTOR'),
    otherContractor: await make('contractor2', 'CONTRACTOR', 'CONTRACTOR'),
    ops: await make('ops', 'OPS', 'OPERATIONS'),
    users,
  };
}

/** The input of an acceptance of fiber and a PTN for the world's circuits. */
export const acceptanceInput = (world: HandoverWorld, extra: Record<string, unknown> = {}) => ({
  customerId: world.customer.id,
  title: '星湖街328号 驻地网一体化交维验收',
  works: [
    { kind: 'FIBER', description: '星湖街328号 至 园区机房 48芯光缆' },
    { kind: 'TRANSMISSION_EQUIPMENT', description: '星湖街328号 PTN 960' },
  ],
  circuitIds: world.circuits.map((c) => c.id),
  ...extra,
});

/** Helpers bound to one hub: request, read, complete tasks as their departments, move the clock. */
export function handoverSteps(t: TestHub) {
  const read = async (id: string) => (await t.ok<{ ticket: AcceptanceView }>(ACCEPTANCE, { id })).ticket;
  const taskOf = async (id: string, elementId: string) => {
    const task = (await read(id)).procedure?.tasks.find((x) => x.elementId === elementId);
    if (!task) throw new Error(`no open task ${elementId} on ${id}`);
    return task;
  };
  const completeAnswer = async (
    id: string,
    elementId: string,
    who: Identity,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse<unknown>> => t.gql(COMPLETE, { id: (await taskOf(id, elementId)).id, v: variables }, who);
  const complete = async (id: string, elementId: string, who: Identity, variables: Record<string, unknown>) => {
    const answer = await completeAnswer(id, elementId, who, variables);
    if (answer.errors?.length) throw new Error(`${elementId}: ${JSON.stringify(answer.errors)}`);
  };
  const upload = (who: string, name: string) =>
    uploadAttachment(t, who, { name, contentType: 'application/pdf', body: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });
  return {
    read,
    taskOf,
    complete,
    completeAnswer,
    upload,
    async request(world: HandoverWorld, extra: Record<string, unknown> = {}, as: Identity = world.cons) {
      const answer = await t.gql<{ requestHandoverAcceptance: { id: string; number: string; status: string } }>(
        REQUEST,
        { input: acceptanceInput(world, extra) },
        as,
      );
      if (answer.errors?.length || !answer.data) throw new Error(JSON.stringify(answer.errors));
      return answer.data.requestHandoverAcceptance;
    },
    /** The contractor applies with its three documents, uploaded as itself. */
    async apply(id: string, contractor: string) {
      await complete(id, 'submitApplication', contractor, {
        signOff: [await upload(contractor, '会审签证.pdf')],
        completionPlan: [await upload(contractor, '竣工方案.pdf')],
        asBuiltDrawings: [await upload(contractor, '竣工图.pdf')],
      });
    },
    async enterRecords(id: string, world: HandoverWorld) {
      await complete(id, 'enterRecords', world.cons, {
        resourceRecordsEntered: true,
        resourceRecordId: 'ZY-2026-0042',
        supervisorUnit: '江苏电信监理有限公司',
        acceptanceDate: '2026-03-10',
      });
    },
    /** One round of on-site and line tests; `failed` names the checks that fail, with the checker's remark. */
    async testRound(id: string, world: HandoverWorld, failed: string[] = []) {
      const ok = (field: string) => !failed.includes(field);
      const remark = (fields: string[]) =>
        fields.some((f) => failed.includes(f)) ? { remark: `${fields.filter((f) => failed.includes(f)).join(', ')} 不合格` } : {};
      const onSite = ['recordsAccurate', 'transmissionTest', 'integrationTest', 'workmanshipTest', 'serviceDialTest'];
      const trans = ['fiberTest', 'ductTest', 'accessEquipmentTest'];
      const region = ['lineTest', 'assetsConfirmed'];
      const answers = (fields: string[], remarkField: string) => {
        const given = remark(fields);
        return { ...Object.fromEntries(fields.map((f) => [f, ok(f)])), ...('remark' in given ? { [remarkField]: given.remark } : {}) };
      };
      await complete(id, 'onSiteTests', world.support, answers(onSite, 'onSiteRemark'));
      await complete(id, 'lineTestTrans', world.trans, answers(trans, 'transRemark'));
      await complete(id, 'lineTestRegion', world.region, answers(region, 'regionRemark'));
    },
    async approve(id: string, world: HandoverWorld) {
      await complete(id, 'confirmResults', world.cons, { overallPassed: true });
      await complete(id, 'finalApproval', world.support, { approved: true });
    },
    async moveTo(local: string) {
      t.clock.set(new Date(`${local}+08:00`));
      await t.hub.services.processes.poller.runOnce();
    },
    notes: async (id: string, prefix: string) =>
      (await read(id)).history.map((e) => e.note ?? '').filter((note) => note.startsWith(prefix)),
  };
}
