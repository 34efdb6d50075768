import { ManualClock } from '../../src/shared/clock';
import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';
import { COMPLETE, cutoverInput, makeCustomer, makeCutoverStaff, plan, REQUEST, readCutover, type Staff } from './cutover-world';

const DAY = 24 * 3600_000;
const NOTICES = `query($f: CutoverNoticeFilter) { cutoverNotices(filter: $f, first: 20) {
  id status notifyBy customer { id code } accountManager { name email } circuits { id }
  cutover { kind startsAt ticket { id } notices { customer { id } } } } }`;
const PAGE = `{ cutoverNotices(first: 100) {
  id notifyBy late customer { code serviceLevel } accountManager { name } circuits { code status }
  cutover { kind startsAt ticket { number } } } }`;
const OWN_TICKET = `query($id: ID!) { ticket(id: $id) { number kind circuits { id } cutover { kind startsAt emergency notices { customer { id } circuits { id } } } } }`;

interface NoticeSeen {
  id: string;
  customer: { id: string; code: string };
  accountManager: { name: string; email: string | null } | null;
  circuits: { id: string }[];
  cutover: { ticket: { id: string } | null; notices: { customer: { id: string } }[] };
}

describe('Cutover notices as customers and the wrong staff see them: their own only, through every path', () => {
  const clock = new ManualClock(new Date());
  let t: TestHub;
  let staff: Staff;
  let gold: World;
  let bronze: World;
  let silver: World;
  let first: { id: string; number: string };

  const request = async (worlds: World[], startsAt: Date) =>
    (
      await t.ok<{ requestCutover: { ticket: { id: string; number: string } } }>(
        REQUEST,
        { input: cutoverInput(worlds, startsAt) },
        staff.ops,
      )
    ).requestCutover.ticket;

  beforeAll(async () => {
    t = await startTestHub({ clock });
    staff = await makeCutoverStaff(t);
    gold = await makeCustomer(t, 'GOLD');
    bronze = await makeCustomer(t, 'BRONZE', { circuits: 2 });
    silver = await makeCustomer(t, 'SILVER');
    const earliest = new Date((await plan(t, cutoverInput([gold], new Date(clock.now().getTime() + 30 * DAY)), staff.ops)).earliestStart);
    // The first is the gold customer's ticket (the most important it touches); the second the silver's.
    first = await request([gold, bronze], new Date(earliest.getTime() + 3 * DAY));
    await request([bronze, silver], new Date(earliest.getTime() + 5 * DAY));
    const approve = (await readCutover(t, first.id)).procedure?.tasks.find((task) => task.elementId === 'approve');
    await t.ok(COMPLETE, { id: approve?.id, v: { approved: true } }, staff.kx);
  });
  afterAll(() => t.stop());

  const notices = async (as: { customerId: string } | string, filter?: Record<string, unknown>) =>
    (await t.ok<{ cutoverNotices: NoticeSeen[] }>(NOTICES, { f: filter ?? null }, as)).cutoverNotices;

  test("When a customer token lists cutover notices, then it sees its own customer's only, whatever the filter names", async () => {
    const seen = await notices({ customerId: bronze.customer.id });
    expect(seen).toHaveLength(2);
    for (const notice of seen) {
      expect(notice.customer.id).toBe(bronze.customer.id);
      expect(notice.circuits.map((c) => c.id).sort()).toEqual(bronze.circuits.map((c) => c.id).sort());
      // Through the cutover too: no other customer's notice, and not another customer's ticket.
      expect(notice.cutover.notices).toEqual([{ customer: { id: bronze.customer.id } }]);
      expect(notice.cutover.ticket).toBeNull();
      expect(notice.accountManager).toMatchObject({ email: null });
    }
    expect(await notices({ customerId: bronze.customer.id }, { customerId: gold.customer.id })).toEqual([]);
    expect((await notices({ customerId: bronze.customer.id }, { ticketId: first.id })).map((n) => n.customer.id)).toEqual([
      bronze.customer.id,
    ]);
    // Staff see every customer of a cutover.
    expect((await notices(staff.kx, { ticketId: first.id })).map((n) => n.customer.id).sort()).toEqual(
      [gold.customer.id, bronze.customer.id].sort(),
    );
  });

  test("When the cutover's ticket is read with its customer's token, then it shows that customer's notice and circuits only; another customer's token finds no ticket", async () => {
    const own = await t.ok<{
      ticket: {
        kind: string;
        circuits: { id: string }[];
        cutover: { notices: { customer: { id: string }; circuits: { id: string }[] }[] };
      };
    }>(OWN_TICKET, { id: first.id }, { customerId: gold.customer.id });
    expect(own.ticket.kind).toBe('CUTOVER_NOTICE');
    expect(own.ticket.circuits).toEqual([{ id: gold.circuits[0].id }]);
    expect(own.ticket.cutover.notices).toEqual([{ customer: { id: gold.customer.id }, circuits: [{ id: gold.circuits[0].id }] }]);
    expect((await t.ok<{ ticket: unknown }>(OWN_TICKET, { id: first.id }, { customerId: bronze.customer.id })).ticket).toBeNull();
    const { tickets } = await t.ok<{ tickets: { totalCount: number } }>(
      '{ tickets(first: 1, filter: { kinds: [CUTOVER_NOTICE] }) { totalCount } }',
      {},
      {
        customerId: bronze.customer.id,
      },
    );
    expect(tickets.totalCount).toBe(0);
    // What says something of the other customers it touches is the center's only.
    for (const field of ['needsApproval', 'status', 'round', 'reason', 'networkTeam']) {
      const answer = await t.gql(
        `query($id: ID!) { ticket(id: $id) { cutover { ${field} } } }`,
        { id: first.id },
        { customerId: gold.customer.id },
      );
      expect({ field, codes: codesOf(answer) }).toEqual({ field, codes: ['FORBIDDEN'] });
    }
  });

  const input = () => cutoverInput([bronze], new Date(clock.now().getTime() + 20 * DAY));
  const ROOTS = {
    planCutover: () => ({
      query: 'query($input: CutoverInput!) { planCutover(input: $input) { feasible } }',
      variables: { input: input() },
    }),
    requestCutover: () => ({
      query: 'mutation($input: CutoverInput!) { requestCutover(input: $input) { id } }',
      variables: { input: input() },
    }),
    cutoverNoticePolicy: () => ({ query: '{ cutoverNoticePolicy { version } }' }),
    setCutoverNoticePolicy: () => ({
      query: 'mutation($input: SetCutoverNoticePolicyInput!) { setCutoverNoticePolicy(input: $input) { version } }',
      variables: { input: { leadTimes: [{ serviceLevel: 'GOLD', workingDays: 1 }], version: 0 } },
    }),
    cutoverNotices: () => ({ query: '{ cutoverNotices { id } }' }),
  };

  test.each(
    TRANSPORTS,
  )('When a customer token plans, requests or reads the policy over %s, then it is FORBIDDEN and nothing is stored', async (transport) => {
    const before = (await notices(staff.kx)).length;
    for (const field of ['planCutover', 'requestCutover', 'cutoverNoticePolicy', 'setCutoverNoticePolicy'] as const) {
      const answer = await over(transport, t, ROOTS[field](), { customerId: bronze.customer.id });
      expect({ field, codes: codesOf(answer), data: answer.data?.[field] ?? null }).toEqual({ field, codes: ['FORBIDDEN'], data: null });
    }
    const own = await over(transport, t, ROOTS.cutoverNotices(), { customerId: silver.customer.id });
    expect(codesOf(own)).toEqual([]);
    expect((own.data?.cutoverNotices as unknown[]).length).toBe(1);
    expect((await notices(staff.kx)).length).toBe(before);
  });

  test.each(
    TRANSPORTS,
  )('When a contractor uses any cutover root field over %s, or an account manager plans or requests one, then it is FORBIDDEN', async (transport) => {
    for (const [field, make] of Object.entries(ROOTS)) {
      const answer = await over(transport, t, make(), staff.contractor);
      expect({ field, codes: codesOf(answer) }).toEqual({ field, codes: ['FORBIDDEN'] });
    }
    for (const field of ['planCutover', 'requestCutover', 'setCutoverNoticePolicy'] as const) {
      const answer = await over(transport, t, ROOTS[field](), gold.accountManager.code);
      expect({ field, codes: codesOf(answer) }).toEqual({ field, codes: ['FORBIDDEN'] });
    }
    // Construction plans too; the policy is read by the center's staff.
    expect(codesOf(await over(transport, t, ROOTS.planCutover(), staff.cons))).toEqual([]);
    expect(codesOf(await over(transport, t, ROOTS.cutoverNoticePolicy(), gold.accountManager.code))).toEqual([]);
  });

  test('When a page of notices is read with their customers, managers, circuits and cutovers, then it costs the same few statements however many notices it holds', async () => {
    const read = async () => {
      let answer: { cutoverNotices: unknown[] } | undefined;
      const { count } = await t.countStatements(async () => {
        answer = await t.ok<{ cutoverNotices: unknown[] }>(PAGE);
      });
      return { count, notices: answer?.cutoverNotices.length ?? 0 };
    };
    const few = await read();
    const more = [await makeCustomer(t, 'STANDARD', { circuits: 3 }), await makeCustomer(t, 'SILVER'), await makeCustomer(t, 'BRONZE')];
    await request(more, new Date(clock.now().getTime() + 40 * DAY));
    const many = await read();
    expect(many.notices).toBe(few.notices + 3);
    expect(many.count).toBe(few.count);
    // The caller's roles, then one each: the notices, their customers, managers, circuits, cutovers and the cutovers' tickets.
    expect(many.count).toBe(7);
  });
});
