import type { TestHub } from './hub';

export interface World {
  departments: Record<string, string>;
  accountManager: { id: string; code: string };
  duty: { id: string; code: string };
  customer: { id: string; version: number };
  circuits: { id: string; code: string }[];
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${(sequence++).toString(36).toUpperCase()}`;

/** A small center made through the API: two staff, one customer of `level`, `circuitCount` circuits. */
export async function makeWorld(t: TestHub, options: { level?: string; circuitCount?: number } = {}): Promise<World> {
  const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
  const dept = Object.fromEntries(departments.map((d) => [d.code, d.id]));
  const createUser = `mutation($input: CreateUserInput!) { createUser(input: $input) { id code } }`;
  const am = await t.ok<{ createUser: { id: string; code: string } }>(createUser, {
    input: { code: unique('am.').toLowerCase(), name: '王经理', departmentId: dept.SALES, roles: ['ACCOUNT_MANAGER'] },
  });
  const duty = await t.ok<{ createUser: { id: string; code: string } }>(createUser, {
    input: { code: unique('duty.').toLowerCase(), name: '李值班', departmentId: dept.KX, roles: ['RESPONSE_CENTER'] },
  });
  const customer = await t.ok<{ createCustomer: { id: string; version: number } }>(
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id version } }`,
    {
      input: {
        code: unique('JT-'),
        name: '苏州工业园区管委会',
        industry: 'government',
        serviceLevel: options.level ?? 'GOLD',
        accountManagerId: am.createUser.id,
        crossRegion: true,
      },
    },
    duty.createUser.code,
  );
  const circuits: { id: string; code: string }[] = [];
  for (let i = 0; i < (options.circuitCount ?? 2); i++) {
    const res = await t.ok<{ createCircuit: { id: string; code: string } }>(
      `mutation($input: CreateCircuitInput!) { createCircuit(input: $input) { id code } }`,
      {
        input: {
          code: unique('SZ-IDL-'),
          customerId: customer.createCustomer.id,
          serviceType: 'INTERNET_DEDICATED_LINE',
          bandwidthMbps: 100,
          aEnd: '苏州工业园区星湖街328号',
          accessTechnology: 'FIBER_PTN',
          status: 'active',
        },
      },
      duty.createUser.code,
    );
    circuits.push(res.createCircuit);
  }
  return { departments: dept, accountManager: am.createUser, duty: duty.createUser, customer: customer.createCustomer, circuits };
}
