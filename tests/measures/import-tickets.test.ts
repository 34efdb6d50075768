import { ManualClock } from '../../src/shared/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { cst, customerWithCircuits, ext, IMPORT, importRows } from './measures.helpers';

const TICKET = `query($id: ID!) { ticket(id: $id) {
  number status kind createdAt resolutionDueAt reportDueAt responseDueAt resolvedAt closedAt
  importedFrom { externalId importedAt } procedure { id }
  circuits { code } reports { kind onTime submittedAt }
  history { action note }
} }`;

describe('Importing history from an earlier system', () => {
  let t: TestHub;
  let gold: { id: string; code: string; circuitCodes: string[] };
  let other: { id: string; code: string; circuitCodes: string[] };
  const ticketCount = async () => (await t.ok<{ tickets: { totalCount: number } }>('{ tickets { totalCount } }')).tickets.totalCount;
  const fault = (overrides: Record<string, unknown> = {}) => ({
    externalId: ext('F'),
    kind: 'FAULT',
    customerCode: gold.code,
    circuitCodes: [gold.circuitCodes[0]],
    title: '专线中断',
    openedAt: cst('2026-05-11 09:00'),
    respondedAt: cst('2026-05-11 09:05'),
    resolvedAt: cst('2026-05-11 11:00'),
    closedAt: cst('2026-05-12 10:00'),
    serviceAffecting: true,
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestHub({ clock: new ManualClock(new Date('2026-07-20T10:00:00+08:00')) });
    gold = await customerWithCircuits(t, 'GOLD', 2);
    other = await customerWithCircuits(t, 'SILVER', 1);
  });
  afterAll(() => t.stop());

  test('When a fault is imported without deadlines, then it is marked, runs no procedure, and gets the deadlines of the policy at openedAt', async () => {
    const row = fault();
    const answer = await importRows(t, [row]);
    expect(answer).toMatchObject({ imported: 1, alreadyImported: 0, rows: [{ externalId: row.externalId, outcome: 'IMPORTED' }] });
    const { ticket } = await t.ok<{ ticket: Record<string, unknown> & { history: { action: string; note: string }[] } }>(TICKET, {
      id: answer.rows[0].ticket.id,
    });
    expect(ticket).toMatchObject({
      status: 'closed',
      kind: 'FAULT',
      createdAt: row.openedAt,
      resolvedAt: row.resolvedAt,
      closedAt: row.closedAt,
      importedFrom: { externalId: row.externalId, importedAt: new Date('2026-07-20T10:00:00+08:00').toISOString() },
      procedure: null,
      circuits: [{ code: gold.circuitCodes[0] }],
      reports: [],
    });
    // A gold fault: restored within 4 hours, acknowledged within 30 minutes, its report within 2 working days.
    expect(ticket.resolutionDueAt).toBe(cst('2026-05-11 13:00'));
    expect(ticket.responseDueAt).toBe(cst('2026-05-11 09:30'));
    expect(ticket.reportDueAt).toBe(cst('2026-05-13 17:30'));
    expect(String(ticket.number)).toMatch(/^KX-2026-\d{6}$/);
    expect(ticket.history[0]).toMatchObject({ action: 'CREATED', note: expect.stringContaining(row.externalId) });
  });

  test('When a batch is imported again, then every row is ALREADY_IMPORTED with its ticket, and no ticket is added', async () => {
    const rows = [
      fault(),
      {
        externalId: ext('P'),
        kind: 'CIRCUIT_DISPATCH',
        customerCode: gold.code,
        circuitCodes: gold.circuitCodes,
        title: '电路调单',
        openedAt: cst('2026-05-04 10:00'),
        resolvedAt: cst('2026-05-12 10:00'),
        reportDeliveredAt: cst('2026-05-12 15:00'),
      },
    ];
    const first = await importRows(t, rows);
    const count = await ticketCount();
    const again = await importRows(t, rows);
    expect(again).toMatchObject({ imported: 0, alreadyImported: 2 });
    expect(again.rows.map((r) => [r.outcome, r.ticket.id])).toEqual(first.rows.map((r) => ['ALREADY_IMPORTED', r.ticket.id]));
    expect(await ticketCount()).toBe(count);
    // The test report is the provisioning's, on time against the order's deadline (10 working days).
    const { ticket } = await t.ok<{ ticket: { reports: { kind: string; onTime: boolean }[]; status: string } }>(TICKET, {
      id: first.rows[1].ticket.id,
    });
    expect(ticket).toMatchObject({ status: 'resolved', reports: [{ kind: 'TEST', onTime: true }] });
  });

  test('When an externalId comes again with other facts, then the batch is refused naming that row’s externalId', async () => {
    const row = fault();
    await importRows(t, [row]);
    const answer = await t.gql(IMPORT, { input: [fault(), { ...row, resolvedAt: cst('2026-05-11 12:00') }] });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].externalId', row: 2 });
  });

  const invalid: [string, () => Record<string, unknown>, string][] = [
    ['times out of order', () => fault({ resolvedAt: cst('2026-05-11 08:00') }), 'resolvedAt'],
    ['a time in the future', () => fault({ closedAt: cst('2026-07-21 10:00') }), 'closedAt'],
    ['a report delivered in the future', () => fault({ reportDeliveredAt: cst('2026-08-01 10:00') }), 'reportDeliveredAt'],
    ['a deadline before the opening', () => fault({ resolutionDueAt: cst('2026-05-10 09:00') }), 'resolutionDueAt'],
    ['an unknown customer', () => fault({ customerCode: 'JT-NOBODY' }), 'customerCode'],
    ['an unknown circuit', () => fault({ circuitCodes: ['SZ-NO-SUCH-CIRCUIT'] }), 'circuitCodes[0]'],
    ['another customer’s circuit', () => fault({ circuitCodes: [gold.circuitCodes[0], other.circuitCodes[0]] }), 'circuitCodes[1]'],
    ['a fault without serviceAffecting', () => fault({ serviceAffecting: undefined }), 'serviceAffecting'],
    ['a report due though none was owed', () => fault({ reportOwed: false, reportDueAt: cst('2026-05-13 17:30') }), 'reportDueAt'],
    [
      'more resources on time than to check',
      () => ({ ...fault({ serviceAffecting: undefined }), kind: 'RESOURCE_CHECK', resourcesToCheck: 2, resourcesCheckedOnTime: 3 }),
      'resourcesCheckedOnTime',
    ],
    [
      'a provisioning order without circuits',
      () => ({ ...fault({ serviceAffecting: undefined }), kind: 'CIRCUIT_DISPATCH', circuitCodes: [] }),
      'circuitCodes',
    ],
  ];

  test.each(
    invalid,
  )('When one row has %s, then the whole batch is refused naming the row and field, and nothing is imported', async (_what, bad, field) => {
    const good = fault();
    const count = await ticketCount();
    const answer = await t.gql(IMPORT, { input: [good, fault(), bad()] });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input[2].${field}`, row: 3 });
    expect(answer.errors?.[0].message).toMatch(/^Row 3: /);
    expect(await ticketCount()).toBe(count);
    // The good row was not kept: importing it now imports it.
    expect((await importRows(t, [good])).rows[0].outcome).toBe('IMPORTED');
  });

  test('When one batch names an externalId twice, or holds more than 500 rows, then it is refused', async () => {
    const row = fault();
    const twice = await t.gql(IMPORT, { input: [row, fault(), row] });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[2].externalId' });
    const many = await t.gql(IMPORT, { input: Array.from({ length: 501 }, () => fault()) });
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  test('When a batch of 200 is imported, then the statements sent do not grow with its rows', async () => {
    const small = await t.countStatements(() =>
      importRows(
        t,
        Array.from({ length: 2 }, () => fault()),
      ),
    );
    const large = await t.countStatements(() =>
      importRows(
        t,
        Array.from({ length: 200 }, () => fault()),
      ),
    );
    // Inserts are batched by table; checks read customers, circuits and earlier imports once each.
    expect(large.count).toBeLessThan(small.count + 15);
  });
});
