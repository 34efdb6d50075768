import { ManualClock } from '../../src/shared/clock';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';
import { makeStaff } from '../support/processes';
import { codesOf } from '../support/transports';
import { cst, ext, importRows, MEASURE_FIELDS, measures } from './measures.helpers';

const NARRATIVE = 'id section text version savedAt savedBy';
const REPORT = `query($y: Int!, $q: Int!) { quarterlyReport(year: $y, quarter: $q) {
  year quarter from to dueAt madeAt submittedAt submittedBy onTime
  organization { people departments { code name people } peopleByRole { key count } }
  customers { total byLevel { key count } newInQuarter lostInQuarter newCustomers { code name serviceLevel } lostCustomers { code } }
  networkServices { inService byServiceType { key count } byAccessTechnology { key count } activatedInQuarter closedInQuarter }
  marketSupport { presalesRaised presalesEnded { key count } won lost resourceChecksRaised resourcesToCheck resourcesCheckedOnTime }
  mainWork { ticketsByKind { kind opened done } measures { ${MEASURE_FIELDS} } previousQuarter { ${MEASURE_FIELDS} } }
  typicalCases { analysis { ${NARRATIVE} } cases { number kind title customer status openedAt resolvedAt } }
  problemsAndSuggestions { ${NARRATIVE} }
  nextQuarterPlan { ${NARRATIVE} }
  markdown
} }`;
const SAVE = `mutation($y: Int!, $q: Int!, $s: ReportSection!, $text: String!, $v: Int) {
  saveQuarterlyReportSection(year: $y, quarter: $q, section: $s, text: $text, version: $v) { id section text version savedBy history { action note changes { field from to } } } }`;
const SUBMIT = `mutation($y: Int!, $q: Int!) { submitQuarterlyReport(year: $y, quarter: $q) { submittedAt onTime dueAt markdown } }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const TASKS = `query($id: ID!) { ticket(id: $id) { children { id } procedure { tasks { id elementId } } } }`;

type Report = Record<string, unknown> & {
  organization: { people: number; departments: unknown[]; peopleByRole: { key: string; count: number }[] };
  customers: { total: number; byLevel: { key: string; count: number }[]; newInQuarter: number };
  networkServices: { inService: number; byServiceType: unknown[]; byAccessTechnology: unknown[] };
  marketSupport: {
    presalesRaised: number;
    presalesEnded: { key: string; count: number }[];
    lost: number;
    resourceChecksRaised: number;
    resourcesToCheck: number;
    resourcesCheckedOnTime: number;
  };
  mainWork: {
    ticketsByKind: { kind: string; opened: number; done: number }[];
    measures: { key: string; responseWorkDone: number };
    previousQuarter: { key: string };
  };
  typicalCases: { analysis: { text: string | null }; cases: { number: string }[] };
  problemsAndSuggestions: { text: string | null; version: number };
  nextQuarterPlan: { text: string | null };
  markdown: string;
  dueAt: string;
};

/** The demo center (seeded as on a first start), and a quarter of its work reported. */
describe('The quarterly report (季报)', () => {
  let t: TestHub;
  let world: World;
  let staff: { ops: string; kx: string; sales: string };
  let typicalNumber: string;
  const report = async (y = 2026, q = 3) => (await t.ok<{ quarterlyReport: Report }>(REPORT, { y, q })).quarterlyReport;
  const save = (section: string, text: string, as = staff.kx, v?: number) =>
    t.gql<{
      saveQuarterlyReportSection: { version: number; history: { action: string; changes: { from: string | null; to: string }[] }[] };
    }>(SAVE, { y: 2026, q: 3, s: section, text, v }, as);
  const page = async (path: string, token?: string) =>
    fetch(`${t.url.replace(/\/graphql$/, '')}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  /** Runs a presales request through its procedure to `outcome` (LOST, or NOT_DEVELOPED). */
  const presales = async (outcome: 'LOST' | 'NOT_DEVELOPED') => {
    const { requestPresalesSupport: opened } = await t.ok<{ requestPresalesSupport: { id: string } }>(
      'mutation($input: RequestPresalesSupportInput!) { requestPresalesSupport(input: $input) { id } }',
      {
        input: {
          customerId: world.customer.id,
          title: '园区专线扩容',
          needs: '总部与分部之间的数据专线',
          sites: ['总部', '分部'],
          circuits: [
            { serviceType: 'DATA_LINE', bandwidthMbps: 50, aEnd: '总部', zEnd: '分部', accessTechnology: 'MSAP_SDH', site: '总部' },
            { serviceType: 'INTERNET_DEDICATED_LINE', bandwidthMbps: 200, aEnd: '总部', accessTechnology: 'FIBER_PTN', site: '总部' },
          ],
        },
      },
      world.accountManager.code,
    );
    const complete = async (ticketId: string, elementId: string, as: string, v: Record<string, unknown>) => {
      const { ticket } = await t.ok<{ ticket: { procedure: { tasks: { id: string; elementId: string }[] } } }>(TASKS, { id: ticketId });
      const task = ticket.procedure.tasks.find((x) => x.elementId === elementId);
      await t.ok(COMPLETE, { id: task?.id, v }, as);
    };
    if (outcome === 'NOT_DEVELOPED') {
      await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '定制网关', existingProductsMeet: false });
      await complete(opened.id, 'decideDevelop', staff.sales, { develop: false, developReason: '收入不足' });
      return;
    }
    await complete(opened.id, 'meetCustomer', staff.kx, { detailedNeeds: '专线', existingProductsMeet: true });
    const { ticket } = await t.ok<{ ticket: { children: { id: string }[] } }>(TASKS, { id: opened.id });
    await complete(ticket.children[0].id, 'checkNetwork', staff.ops, { networkReady: true, networkFindings: '现网资源充足' });
    await complete(ticket.children[0].id, 'answerSales', staff.kx, { answerSummary: '资源具备' });
    await complete(opened.id, 'draftSolution', staff.kx, { solutionSummary: '双路由专线方案', complexSolution: false });
    await complete(opened.id, 'jointWork', staff.sales, { customerOutcome: 'LOST', customerFeedback: '价格' });
    await complete(opened.id, 'archiveLost', staff.kx, { lessons: '报价需更有竞争力' });
  };

  beforeAll(async () => {
    t = await startTestHub({
      clock: new ManualClock(new Date('2026-09-10T10:00:00+08:00')),
      config: { seedOnEmpty: true, seedTickets: 400 },
    });
    world = await makeWorld(t, { circuitCount: 1 });
    staff = await makeStaff(t);
    await presales('LOST');
    await presales('NOT_DEVELOPED');
    const { tickets } = await t.ok<{ tickets: { edges: { node: { number: string } }[] } }>(
      '{ tickets(first: 1, filter: { kinds: [FAULT], createdIn: { from: "2026-07-01T00:00:00+08:00", to: "2026-09-01T00:00:00+08:00" } }) { edges { node { number } } } }',
    );
    typicalNumber = tickets.edges[0].node.number;
  });
  afterAll(() => t.stop());

  test('When the demo center’s quarter is reported with its narratives saved, then every one of the eight sections is filled', async () => {
    expect((await save('TYPICAL_CASES', `${typicalNumber}: 光缆被挖断，4 小时内抢通；已与施工方建立联动。`)).errors).toBeUndefined();
    expect((await save('PROBLEMS_AND_SUGGESTIONS', '跨区故障协调慢：建议建立区域联动机制。')).errors).toBeUndefined();
    expect((await save('NEXT_QUARTER_PLAN', '完成重点客户网络服务经理全覆盖。')).errors).toBeUndefined();
    const r = await report();
    expect(r).toMatchObject({ year: 2026, quarter: 3, from: '2026-07-01', to: '2026-09-30', submittedAt: null, onTime: null });
    expect(r.organization.people).toBeGreaterThan(5);
    expect(r.organization.departments.length).toBeGreaterThan(3);
    expect(r.organization.peopleByRole.map((x) => x.key)).toEqual(expect.arrayContaining(['RESPONSE_CENTER', 'ACCOUNT_MANAGER']));
    expect(r.customers.total).toBeGreaterThan(50);
    expect(r.customers.byLevel.reduce((n, l) => n + l.count, 0)).toBe(r.customers.total);
    expect(r.customers.newInQuarter).toBeGreaterThanOrEqual(1);
    expect(r.networkServices.inService).toBeGreaterThan(300);
    expect(r.networkServices.byServiceType.length).toBeGreaterThan(1);
    expect(r.networkServices.byAccessTechnology.length).toBeGreaterThan(1);
    expect(r.marketSupport).toMatchObject({
      lost: 1,
      presalesEnded: [
        { key: 'LOST', count: 1 },
        { key: 'NOT_DEVELOPED', count: 1 },
      ],
    });
    expect(r.marketSupport.presalesRaised).toBeGreaterThanOrEqual(2);
    expect(r.marketSupport.resourceChecksRaised).toBeGreaterThanOrEqual(1);
    // The lost request's check: its two circuits, answered within the check's deadline.
    expect(r.marketSupport.resourcesToCheck).toBeGreaterThanOrEqual(2);
    expect(r.marketSupport.resourcesCheckedOnTime).toBeGreaterThanOrEqual(2);
    expect(r.mainWork.ticketsByKind).toHaveLength(9);
    expect(r.mainWork.ticketsByKind.find((k) => k.kind === 'FAULT')?.opened).toBeGreaterThan(0);
    expect(r.mainWork.measures).toMatchObject({
      key: 'CENTER',
      faultRestoreAndReportTimeliness: { parts: [{ weight: 0.7 }, { weight: 0.3 }] },
    });
    expect(r.mainWork.measures.responseWorkDone).toBeGreaterThan(0);
    expect(r.mainWork.previousQuarter.key).toBe('CENTER');
    expect(r.typicalCases.cases.map((c) => c.number)).toEqual([typicalNumber]);
    expect(r.problemsAndSuggestions.text).toMatch(/联动/);
    expect(r.nextQuarterPlan.text).toMatch(/全覆盖/);
    for (const heading of ['## 1.', '## 2.', '## 3.', '## 4.', '## 5.', '## 6.', '## 7.', '## 8.']) expect(r.markdown).toContain(heading);
    expect(r.markdown).toContain(typicalNumber);
  });

  test('When a section is saved again, then it is a new version, both texts in its history; a stale version is CONFLICT', async () => {
    const second = await save('PROBLEMS_AND_SUGGESTIONS', '跨区故障协调慢：建议建立区域联动机制；夜间值守人手不足。', staff.kx, 1);
    expect(second.data?.saveQuarterlyReportSection.version).toBe(2);
    const [latest, first] = second.data?.saveQuarterlyReportSection.history ?? [];
    expect(latest).toMatchObject({
      action: 'UPDATED',
      changes: [{ from: expect.stringMatching(/^跨区/), to: expect.stringMatching(/夜间/) }],
    });
    expect(first).toMatchObject({ action: 'CREATED', changes: [{ from: null }] });
    expect(codesOf(await save('PROBLEMS_AND_SUGGESTIONS', '旧稿覆盖', staff.kx, 1))).toEqual(['CONFLICT']);
    expect(codesOf(await save('NEXT_QUARTER_PLAN', '   '))).toEqual(['BAD_USER_INPUT']);
  });

  test('When the printable page is asked for, then it is an escaped, script-free HTML page with print styles, for staff tokens only', async () => {
    await save('NEXT_QUARTER_PLAN', '完成重点客户网络服务经理全覆盖。<script>alert("x")</script> & <b>加粗</b>');
    const res = await page('/reports/quarterly/2026/3', await tokenFor('admin'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain('@page');
    expect(html).toContain('@media print');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(html).not.toMatch(/<script|<b>/i);
    const md = (await report()).markdown;
    expect(md).not.toContain('<script>');
    expect((await page('/reports/quarterly/2026/3')).status).toBe(401);
    expect((await page('/reports/quarterly/2026/3', await tokenFor({ customerId: world.customer.id }))).status).toBe(403);
    expect((await page('/reports/quarterly/2026/7', await tokenFor('admin'))).status).toBe(400);
  });

  test('When the report is submitted before its quarter ends or without a section, then it is refused', async () => {
    expect((await t.gql(SUBMIT, { y: 2026, q: 3 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
    t.clock.set(new Date('2026-10-09T10:00:00+08:00'));
    const q2 = await t.gql(SUBMIT, { y: 2026, q: 2 });
    expect(q2.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'section', section: 'TYPICAL_CASES' });
  });

  test('When it is submitted, then its figures are frozen: later edits and new history leave it as submitted, and its timeliness counts', async () => {
    const submitted = await t.ok<{ submitQuarterlyReport: { submittedAt: string; onTime: boolean; dueAt: string; markdown: string } }>(
      SUBMIT,
      { y: 2026, q: 3 },
      staff.kx,
    );
    // Due the close of the 10th working day after September 30 (National Day's holiday not counted).
    expect(submitted.submitQuarterlyReport).toMatchObject({
      onTime: true,
      submittedAt: new Date('2026-10-09T10:00:00+08:00').toISOString(),
    });
    expect(new Date(submitted.submitQuarterlyReport.dueAt).getTime()).toBeGreaterThan(new Date('2026-10-14T00:00:00+08:00').getTime());
    const frozen = await report();
    expect(frozen).toMatchObject({ submittedBy: expect.any(String), onTime: true });

    expect(codesOf(await save('NEXT_QUARTER_PLAN', '改写计划'))).toEqual(['CONFLICT']);
    expect(codesOf(await t.gql(SUBMIT, { y: 2026, q: 3 }, staff.kx))).toEqual(['CONFLICT']);
    // A fault of the quarter imported afterwards changes the measures, not the submitted report.
    const before = (await measures(t, '2026-07-01', '2026-09-30'))[0].responseWorkDone;
    await importRows(t, [
      {
        externalId: ext('late-fault'),
        kind: 'FAULT',
        customerCode: (
          await t.ok<{ customer: { code: string } }>('query($id: ID!) { customer(id: $id) { code } }', { id: world.customer.id })
        ).customer.code,
        title: '补录故障',
        openedAt: cst('2026-08-03 09:00'),
        resolvedAt: cst('2026-08-03 10:00'),
        serviceAffecting: true,
      },
    ]);
    expect((await measures(t, '2026-07-01', '2026-09-30'))[0].responseWorkDone).toBe(before + 1);
    t.clock.set(new Date('2026-11-02T10:00:00+08:00'));
    expect(await report()).toEqual(frozen);
    // The Q3 report fell due in October and was in on time.
    const october = (await measures(t, '2026-10-01', '2026-10-31'))[0];
    expect(october.quarterlyReportTimeliness).toMatchObject({ percent: 100, parts: [{ numerator: 1, denominator: 1 }] });
  });
});
