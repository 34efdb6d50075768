import { inTransaction } from '../../src/db/unit-of-work';
import { systemActor } from '../../src/shared/service-context';
import { samplePdf, uploadAttachment } from '../support/attachments';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';
import { codesOf } from '../support/transports';

const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id status } }';
const TICKET_ATTACHMENTS = 'query($id: ID!) { ticket(id: $id) { attachments { id name } } }';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe("A user task's `attachments` form field takes documents and files them with the ticket", () => {
  let t: TestHub;
  let world: World;
  let staff: { ops: string; kx: string; sales: string };

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t, { circuitCount: 1 });
    staff = await makeStaff(t);
    // The deploy checks accept the field type (an unknown type would be refused here).
    await deploy(t, fixture('handover-drawings.bpmn'));
  });
  afterAll(() => t.stop());

  /** An instance of the fixture working on a ticket (or on none), as a ticket's procedure would start. */
  const startInstance = async (ticketId: string | null): Promise<string> => {
    const em = t.hub.database.orm.em.fork();
    const instance = await inTransaction(em, t.hub.bus, (uow) =>
      t.hub.services.processes.runner.startInstance(
        uow.em,
        uow.events,
        { em: uow.em, actor: systemActor },
        'handover-drawings',
        null,
        {},
        ticketId,
      ),
    );
    return instance.id;
  };
  const openTicket = async () =>
    (
      await t.ok<{ openTicket: { id: string } }>(
        OPEN,
        { input: { kind: 'HANDOVER_ACCEPTANCE', channel: 'PHONE', title: '交维验收: 竣工资料', customerId: world.customer.id } },
        world.duty.code,
      )
    ).openTicket.id;
  const pdf = (as: string, name: string) => uploadAttachment(t, as, { name, contentType: 'application/pdf', body: samplePdf(name) });
  const attachmentsOf = async (ticketId: string) =>
    (await t.ok<{ ticket: { attachments: { id: string }[] } }>(TICKET_ATTACHMENTS, { id: ticketId })).ticket.attachments.map((a) => a.id);

  test('When the task is completed with the ids of uploads, then they are attached to the ticket and kept in the variables', async () => {
    const ticketId = await openTicket();
    const instanceId = await startInstance(ticketId);
    const [task] = (await readInstance(t, instanceId)).tasks;
    expect(task.formFields).toEqual([
      { id: 'drawings', type: 'attachments', required: true, values: null },
      { id: 'testReports', type: 'attachments', required: false, values: null },
      { id: 'remark', type: 'string', required: false, values: null },
    ]);
    const drawing = await pdf(staff.ops, 'A栋竣工图.pdf');
    const report = await pdf(staff.ops, '光功率测试报告.pdf');
    const done = await t.ok<{ completeTask: { status: string } }>(
      COMPLETE,
      { id: task.id, v: { drawings: [drawing], testReports: [report], remark: '已现场核对' } },
      staff.ops,
    );
    expect(done.completeTask.status).toBe('COMPLETED');
    expect((await attachmentsOf(ticketId)).sort()).toEqual([drawing, report].sort());
    const instance = await readInstance(t, instanceId);
    expect(instance.status).toBe('COMPLETED');
    expect(instance.variables).toMatchObject({ drawings: [drawing], testReports: [report] });
  });

  test('When an id is unknown, not visible to the one completing, malformed, or the required list is empty, then BAD_USER_INPUT and nothing changes', async () => {
    const ticketId = await openTicket();
    const instanceId = await startInstance(ticketId);
    const [task] = (await readInstance(t, instanceId)).tasks;
    const mine = await pdf(staff.ops, '竣工图.pdf');
    const someoneElses = await pdf(staff.kx, '别人的方案.pdf');
    for (const drawings of [[mine, UNKNOWN], [mine, someoneElses], ['not-an-id'], [], mine, [42]]) {
      const res = await t.gql(COMPLETE, { id: task.id, v: { drawings } }, staff.ops);
      expect({ drawings, codes: codesOf(res), field: res.errors?.[0]?.extensions?.field }).toEqual({
        drawings,
        codes: ['BAD_USER_INPUT'],
        field: 'variables.drawings',
      });
    }
    const instance = await readInstance(t, instanceId);
    expect({ status: instance.status, tasks: instance.tasks.map((x) => x.id) }).toEqual({ status: 'WAITING', tasks: [task.id] });
    expect(await attachmentsOf(ticketId)).toEqual([]);
    // Still unattached: the uploader can attach it elsewhere, or complete the task with it.
    const { attachment } = await t.ok<{ attachment: { id: string } | null }>(
      'query($id: ID!) { attachment(id: $id) { id } }',
      { id: mine },
      staff.ops,
    );
    expect(attachment).toEqual({ id: mine });
  });

  test('When an attachment is already on another ticket, then completing with it is CONFLICT and the task stays open', async () => {
    const elsewhere = await openTicket();
    const onOther = await uploadAttachment(t, staff.kx, {
      name: '旧图.pdf',
      contentType: 'application/pdf',
      body: samplePdf(),
      ticketId: elsewhere,
    });
    const ticketId = await openTicket();
    const instanceId = await startInstance(ticketId);
    const [task] = (await readInstance(t, instanceId)).tasks;
    // OPS staff see every ticket, so they see it; but it belongs to the other one.
    const res = await t.gql(COMPLETE, { id: task.id, v: { drawings: [onOther] } }, staff.ops);
    expect(codesOf(res)).toEqual(['CONFLICT']);
    expect((await readInstance(t, instanceId)).status).toBe('WAITING');
    expect(await attachmentsOf(elsewhere)).toEqual([onOther]);
  });

  test('When the instance works on no ticket, then the ids are checked and kept, and the uploads stay unattached', async () => {
    const instanceId = await startInstance(null);
    const [task] = (await readInstance(t, instanceId)).tasks;
    const drawing = await pdf(staff.ops, '无工单竣工图.pdf');
    await t.ok(COMPLETE, { id: task.id, v: { drawings: [drawing] } }, staff.ops);
    expect((await readInstance(t, instanceId)).variables).toMatchObject({ drawings: [drawing] });
    const { attachment } = await t.ok<{ attachment: { id: string } | null }>(
      'query($id: ID!) { attachment(id: $id) { id } }',
      { id: drawing },
      staff.kx,
    );
    expect(attachment).toBeNull();
  });
});
