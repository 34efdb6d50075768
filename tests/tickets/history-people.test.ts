import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id version } }`;
const UPDATE = 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { version } }';
const HISTORY = `query($id: ID!) { ticket(id: $id) { history { actor { code } changes {
  field from to fromUser { code name } toUser { code name } fromDepartment { code } toDepartment { code } } } } }`;

interface Change {
  field: string;
  from: string | null;
  to: string | null;
  fromUser: { code: string } | null;
  toUser: { code: string; name: string } | null;
  fromDepartment: { code: string } | null;
  toDepartment: { code: string } | null;
}

describe('A ticket history shows people and departments, not raw ids', () => {
  let t: TestHub;
  let world: World;

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t);
  });
  afterAll(() => t.stop());

  test('When the assignee and the owner department change, then each change names the person and the department, and the statements stay few', async () => {
    const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
    const ops = departments.find((d) => d.code === 'OPS');
    const { createUser } = await t.ok<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { code: 'ops.zhang', name: '张工', departmentId: ops?.id, roles: ['OPERATIONS'] } },
    );
    const { openTicket } = await t.ok<{ openTicket: { id: string; version: number } }>(
      OPEN,
      { input: { kind: 'CONSULTATION', channel: 'PHONE', title: '咨询', customerId: world.customer.id, priority: 'LOW' } },
      world.duty.code,
    );
    await t.ok(UPDATE, {
      input: { id: openTicket.id, version: openTicket.version, assigneeId: createUser.id, ownerDepartmentId: ops?.id },
    });

    let view: { ticket: { history: { changes: Change[] }[] } } | undefined;
    const { count } = await t.countStatements(async () => {
      view = await t.ok<{ ticket: { history: { changes: Change[] }[] } }>(HISTORY, { id: openTicket.id });
    });
    const changes = view?.ticket.history.flatMap((e) => e.changes) ?? [];
    expect(changes.find((c) => c.field === 'assignee')).toMatchObject({
      to: createUser.id,
      toUser: { code: 'ops.zhang', name: '张工' },
      fromDepartment: null,
    });
    expect(changes.find((c) => c.field === 'ownerDepartment')).toMatchObject({ toDepartment: { code: 'OPS' }, toUser: null });
    // The ticket, its history, the people, the departments: batched, whatever the number of changes.
    expect(count).toBeLessThanOrEqual(6);
  });
});
