import { ManualClock } from '../../src/shared/clock';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';
import { cst, customerWithCircuits, ext, importRows, type MeasureView } from './measures.helpers';

const MEASURES = `query($g: MeasureGrouping) { measures(from: "2026-04-01", to: "2026-04-30", groupBy: $g) {
  key group resourceCheckTimeliness { percent parts { numerator denominator } } responseWorkDone } }`;
const OPERATIONS = {
  measures: { query: MEASURES, variables: { g: 'CENTER' } },
  quarterlyReport: { query: '{ quarterlyReport(year: 2026, quarter: 2) { year markdown } }' },
  saveQuarterlyReportSection: {
    query: 'mutation { saveQuarterlyReportSection(year: 2026, quarter: 2, section: NEXT_QUARTER_PLAN, text: "x") { version } }',
  },
  submitQuarterlyReport: { query: 'mutation { submitQuarterlyReport(year: 2026, quarter: 2) { submittedAt } }' },
  importTickets: {
    query: 'mutation($input: [HistoricalTicketInput!]!) { importTickets(input: $input) { imported } }',
    variables: { input: [{ externalId: 'X', kind: 'CONSULTATION', customerCode: 'X', title: 'x', openedAt: '2026-04-01T00:00:00Z' }] },
  },
};

describe('Who may read the measures and the quarterly report, over HTTP and WebSocket alike', () => {
  let t: TestHub;
  let world: World;
  let other: { id: string; code: string };
  const contractor = 'meas.contractor';

  beforeAll(async () => {
    t = await startTestHub({ clock: new ManualClock(new Date('2026-07-20T10:00:00+08:00')) });
    world = await makeWorld(t, { circuitCount: 0 });
    await t.ok(
      'mutation($d: ID!) { createUser(input: {code: "meas.contractor", name: "外包", departmentId: $d, roles: [CONTRACTOR]}) { id } }',
      {
        d: world.departments.CONTRACTOR ?? world.departments.OPS,
      },
    );
    other = await customerWithCircuits(t, 'DIAMOND', 0);
    const { customer } = await t.ok<{ customer: { code: string } }>('query($id: ID!) { customer(id: $id) { code } }', {
      id: world.customer.id,
    });
    const check = (code: string, onTime: number) => ({
      externalId: ext('RC'),
      kind: 'RESOURCE_CHECK',
      customerCode: code,
      title: '资源核查',
      openedAt: cst('2026-04-06 10:00'),
      resolutionDueAt: cst('2026-04-10 17:30'),
      resolvedAt: cst('2026-04-09 10:00'),
      resourcesToCheck: 4,
      resourcesCheckedOnTime: onTime,
    });
    await importRows(t, [check(customer.code, 1), check(other.code, 4)]);
  });
  afterAll(() => t.stop());

  test.each(
    TRANSPORTS,
  )('When a customer token asks for the measures over %s, then it gets its own customer’s row only, whatever the grouping', async (transport) => {
    for (const g of ['CENTER', 'CUSTOMER', 'SERVICE_LEVEL', 'DEPARTMENT', 'MONTH']) {
      const answer = await over(transport, t, { query: MEASURES, variables: { g } }, { customerId: world.customer.id });
      expect(codesOf(answer)).toEqual([]);
      const rows = (answer.data as { measures: MeasureView[] }).measures;
      expect({ g, keys: rows.map((r) => r.key) }).toEqual({ g, keys: [world.customer.id] });
      // Its own check only: 1 of its 4 resources, not the other customer's 4 of 4.
      expect(rows[0].resourceCheckTimeliness.parts).toEqual([{ numerator: 1, denominator: 4 }]);
      expect(rows[0].responseWorkDone).toBe(1);
    }
    // Staff see the whole center.
    const staff = await over(transport, t, { query: MEASURES, variables: { g: 'CENTER' } }, world.duty.code);
    expect((staff.data as { measures: MeasureView[] }).measures[0].resourceCheckTimeliness.parts).toEqual([
      { numerator: 5, denominator: 8 },
    ]);
  });

  test.each(TRANSPORTS)('When a customer token tries the report and the import over %s, then each is FORBIDDEN', async (transport) => {
    for (const [name, request] of Object.entries(OPERATIONS)) {
      if (name === 'measures') continue;
      const answer = await over(transport, t, request, { customerId: world.customer.id });
      expect({ name, codes: codesOf(answer) }).toEqual({ name, codes: ['FORBIDDEN'] });
      expect(answer.data?.[name] ?? null).toBeNull();
    }
  });

  test.each(TRANSPORTS)('When a contractor tries every new root field over %s, then each is FORBIDDEN', async (transport) => {
    for (const [name, request] of Object.entries(OPERATIONS)) {
      const answer = await over(transport, t, request, contractor);
      expect({ name, codes: codesOf(answer) }).toEqual({ name, codes: ['FORBIDDEN'] });
    }
  });

  test.each(
    TRANSPORTS,
  )('When staff who are not administrators import, or an account manager writes the report, over %s, then it is FORBIDDEN', async (transport) => {
    expect(codesOf(await over(transport, t, OPERATIONS.importTickets, world.duty.code))).toEqual(['FORBIDDEN']);
    expect(codesOf(await over(transport, t, OPERATIONS.saveQuarterlyReportSection, world.accountManager.code))).toEqual(['FORBIDDEN']);
    expect(codesOf(await over(transport, t, OPERATIONS.submitQuarterlyReport, world.accountManager.code))).toEqual(['FORBIDDEN']);
    // Every member of staff reads the report.
    const read = await over(transport, t, OPERATIONS.quarterlyReport, world.accountManager.code);
    expect(codesOf(read)).toEqual([]);
    expect((read.data as { quarterlyReport: { year: number } }).quarterlyReport.year).toBe(2026);
  });
});
