import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';

const SET = `mutation($input: SetSlaPolicyInput!) { setSlaPolicy(input: $input) { kind level overridden resolution { amount unit } } }`;
const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { resolutionDueAt responseDueAt } }';
const input = {
  kind: 'FAULT',
  level: 'GOLD',
  response: { amount: 0.25, unit: 'CALENDAR_HOURS' },
  resolution: { amount: 2, unit: 'CALENDAR_HOURS' },
  report: { amount: 1, unit: 'WORKING_DAYS' },
};

describe('The SLA policy', () => {
  let t: TestHub;
  let world: World;
  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { level: 'GOLD', circuitCount: 0 });
  });
  afterAll(() => t.stop());

  test('When staff read the policy, then every kind and level has its deadlines, built-in ones marked so', async () => {
    const { slaPolicy } = await t.ok<{
      slaPolicy: { kind: string; level: string; overridden: boolean; resolution: { amount: number; unit: string } }[];
    }>('{ slaPolicy { kind level overridden resolution { amount unit } } }', {}, world.duty.code);
    expect(slaPolicy).toHaveLength(9 * 5);
    expect(slaPolicy.find((e) => e.kind === 'FAULT' && e.level === 'GOLD')).toEqual({
      kind: 'FAULT',
      level: 'GOLD',
      overridden: false,
      resolution: { amount: 4, unit: 'CALENDAR_HOURS' },
    });
  });

  test("When staff read a consultation's defaults, then 24 round-the-clock hours to acknowledge and to answer (客户服务响应时间规章制度)", async () => {
    const { slaPolicy } = await t.ok<{
      slaPolicy: {
        kind: string;
        level: string;
        response: { amount: number; unit: string };
        resolution: { amount: number; unit: string };
      }[];
    }>('{ slaPolicy { kind level response { amount unit } resolution { amount unit } } }', {}, world.duty.code);
    expect(slaPolicy.find((e) => e.kind === 'CONSULTATION' && e.level === 'GOLD')).toMatchObject({
      response: { amount: 24, unit: 'CALENDAR_HOURS' },
      resolution: { amount: 24, unit: 'CALENDAR_HOURS' },
    });
  });

  test('When someone who is not an administrator changes it, then FORBIDDEN and nothing changes', async () => {
    const staff = await makeStaff(t);
    const res = await t.gql(SET, { input }, staff.kx);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const opened = await t.ok<{ openTicket: { resolutionDueAt: string } }>(OPEN, {
      input: { kind: 'FAULT', channel: 'PHONE', title: 'x', customerId: world.customer.id },
    });
    expect(opened.openTicket.resolutionDueAt).toBe(new Date(t.clock.now().getTime() + 4 * 3600_000).toISOString());
  });

  test('When an administrator tightens a deadline, then tickets opened afterwards get it', async () => {
    const set = await t.ok<{ setSlaPolicy: { overridden: boolean; resolution: { amount: number } } }>(SET, { input });
    expect(set.setSlaPolicy).toMatchObject({ overridden: true, resolution: { amount: 2 } });
    const opened = await t.ok<{ openTicket: { resolutionDueAt: string; responseDueAt: string } }>(OPEN, {
      input: { kind: 'FAULT', channel: 'PHONE', title: 'y', customerId: world.customer.id },
    });
    expect(opened.openTicket.resolutionDueAt).toBe(new Date(t.clock.now().getTime() + 2 * 3600_000).toISOString());
    expect(opened.openTicket.responseDueAt).toBe(new Date(t.clock.now().getTime() + 15 * 60_000).toISOString());
  });

  test('When a span is out of range, then BAD_USER_INPUT names it', async () => {
    const res = await t.gql(SET, { input: { ...input, resolution: { amount: 0, unit: 'WORKING_DAYS' } } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
