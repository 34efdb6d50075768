import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

const READ = `query($id: ID!) {
  customer(id: $id) {
    id code name serviceLevel version archivedAt crossRegion
    accountManager { code } contacts { name phone primary } circuits { code }
    history { action note actor { code } changes { field from to } }
  }
}`;
const UPDATE = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { version serviceLevel name } }`;

describe('Customers and contacts through the GraphQL API', () => {
  let t: TestHub;
  let world: World;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { level: 'SILVER', circuitCount: 2 });
  });
  afterAll(() => t.stop());

  test('When a customer is created, then it reads back with its account manager, circuits and a CREATED entry', async () => {
    const { customer } = await t.ok<{ customer: Record<string, unknown> }>(READ, { id: world.customer.id });
    expect(customer).toMatchObject({ serviceLevel: 'SILVER', version: 1, archivedAt: null, crossRegion: true });
    expect(customer.accountManager).toEqual({ code: world.accountManager.code });
    expect(customer.circuits).toHaveLength(2);
    expect(customer.history).toEqual([{ action: 'CREATED', note: null, actor: { code: world.duty.code }, changes: [] }]);
  });

  test('When a customer code is taken, then CONFLICT on the code and nothing else is created', async () => {
    const { customer } = await t.ok<{ customer: { code: string } }>(READ, { id: world.customer.id });
    const res = await t.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { code: customer.code, name: '重复', industry: 'finance', serviceLevel: 'GOLD', accountManagerId: world.accountManager.id },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const { customers } = await t.ok<{ customers: { totalCount: number } }>(`{ customers(filter: {search: "重复"}) { totalCount } }`);
    expect(customers.totalCount).toBe(0);
  });

  test('When a field is invalid, then BAD_USER_INPUT names it', async () => {
    const res = await t.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { code: 'bad code!', name: 'x', industry: 'finance', serviceLevel: 'GOLD', accountManagerId: world.accountManager.id },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  test('When a customer is updated, then the change is recorded from what to what; a stale version gets CONFLICT', async () => {
    const up = await t.ok<{ updateCustomer: { version: number } }>(UPDATE, {
      input: { id: world.customer.id, version: 1, serviceLevel: 'GOLD', name: '苏州工业园区管理委员会' },
    });
    expect(up.updateCustomer.version).toBe(2);
    const stale = await t.gql(UPDATE, { input: { id: world.customer.id, version: 1, serviceLevel: 'BRONZE' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const { customer } = await t.ok<{ customer: { serviceLevel: string; history: { action: string; changes: unknown[] }[] } }>(READ, {
      id: world.customer.id,
    });
    expect(customer.serviceLevel).toBe('GOLD');
    expect(customer.history[0]).toMatchObject({
      action: 'UPDATED',
      changes: [
        { field: 'name', from: '苏州工业园区管委会', to: '苏州工业园区管理委员会' },
        { field: 'serviceLevel', from: 'SILVER', to: 'GOLD' },
      ],
    });
  });

  test('When contacts are added and changed, then the customer lists them, primary first', async () => {
    const ADD = `mutation($input: AddContactInput!) { addContact(input: $input) { id version name } }`;
    const a = await t.ok<{ addContact: { id: string; version: number } }>(ADD, {
      input: { customerId: world.customer.id, name: '张主任', phone: '0512-66881234' },
    });
    await t.ok(ADD, { input: { customerId: world.customer.id, name: '刘工', phone: '13800000000', primary: true } });
    await t.ok(`mutation($input: UpdateContactInput!) { updateContact(input: $input) { version } }`, {
      input: { id: a.addContact.id, version: a.addContact.version, phone: '0512-66880000' },
    });
    const { customer } = await t.ok<{ customer: { contacts: unknown[] } }>(READ, { id: world.customer.id });
    expect(customer.contacts).toEqual([
      { name: '刘工', phone: '13800000000', primary: true },
      { name: '张主任', phone: '0512-66880000', primary: false },
    ]);
    const badPhone = await t.gql(ADD, { input: { customerId: world.customer.id, name: 'x', phone: 'call me' } });
    expect(badPhone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });

  test('When a customer is archived, then it is kept (readable, with the reason) but left out of lists and new tickets', async () => {
    const other = await makeWorld(t, { circuitCount: 0 });
    const archived = await t.ok<{ archiveCustomer: { archivedAt: string } }>(
      `mutation($id: ID!) { archiveCustomer(id: $id, version: 1, reason: "合同到期") { archivedAt } }`,
      { id: other.customer.id },
    );
    expect(archived.archiveCustomer.archivedAt).toBe(t.clock.now().toISOString());
    const { customer } = await t.ok<{ customer: { history: { action: string; note: string }[] } }>(READ, { id: other.customer.id });
    expect(customer.history[0]).toMatchObject({ action: 'ARCHIVED', note: '合同到期' });
    const listed = await t.ok<{ customers: { edges: { node: { id: string } }[] } }>(`{ customers(first: 100) { edges { node { id } } } }`);
    expect(listed.customers.edges.map((e) => e.node.id)).not.toContain(other.customer.id);
    const withArchived = await t.ok<{ customers: { edges: { node: { id: string } }[] } }>(
      `{ customers(first: 100, filter: {includeArchived: true}) { edges { node { id } } } }`,
    );
    expect(withArchived.customers.edges.map((e) => e.node.id)).toContain(other.customer.id);
    const ticket = await t.gql(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
      input: { kind: 'CONSULTATION', channel: 'PHONE', title: 'x', customerId: other.customer.id },
    });
    expect(ticket.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
  });

  test('When customers are listed by name in pages of 1, then the pages follow each other without gaps', async () => {
    const all = await t.ok<{ customers: { edges: { node: { id: string } }[] } }>(
      `{ customers(first: 100, orderBy: {field: NAME}) { edges { node { id } } } }`,
    );
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { customers: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } } = await t.ok(
        `query($after: String) { customers(first: 1, after: $after, orderBy: {field: NAME}) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
      );
      walked.push(...page.customers.edges.map((e) => e.node.id));
      if (!page.customers.pageInfo.hasNextPage) break;
      after = page.customers.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.customers.edges.map((e) => e.node.id));
  });
});
