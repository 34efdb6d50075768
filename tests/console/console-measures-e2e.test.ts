import type { Browser, Page } from 'playwright-core';
import { cst, customerWithCircuits, ext, importRows, measures } from '../measures/measures.helpers';
import { launchBrowser, type PageWatch, screenshot, signInTo, watch } from '../support/browser';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';

const SAVE = `mutation($text: String!, $v: Int) {
  saveQuarterlyReportSection(year: 2025, quarter: 4, section: PROBLEMS_AND_SUGGESTIONS, text: $text, version: $v) { version } }`;

/** 2025 Q4 in the earlier system: two faults (one late on both counts) and a resource check; no provisioning at all. */
async function importQ4(t: TestHub): Promise<void> {
  const gold = await customerWithCircuits(t, 'GOLD', 2);
  const fault = (label: string, day: string, restored: string, report: { due: string; delivered: string }) => ({
    externalId: ext(label),
    kind: 'FAULT',
    customerCode: gold.code,
    circuitCodes: [gold.circuitCodes[0]],
    title: `故障 ${label}`,
    openedAt: cst(`${day} 09:00`),
    resolutionDueAt: cst(`${day} 13:00`),
    resolvedAt: cst(restored),
    closedAt: cst('2025-12-20 12:00'),
    serviceAffecting: true,
    reportDueAt: cst(report.due),
    reportDeliveredAt: cst(report.delivered),
  });
  await importRows(t, [
    fault('F-on-time', '2025-10-14', '2025-10-14 12:00', { due: '2025-10-16 17:30', delivered: '2025-10-16 10:00' }),
    fault('F-late', '2025-11-11', '2025-11-11 15:00', { due: '2025-11-13 17:30', delivered: '2025-11-14 10:00' }),
    {
      externalId: ext('RC'),
      kind: 'RESOURCE_CHECK',
      customerCode: gold.code,
      title: '资源核查 新址',
      openedAt: cst('2025-12-02 10:00'),
      resolutionDueAt: cst('2025-12-08 17:30'),
      resolvedAt: cst('2025-12-05 16:00'),
      resourcesToCheck: 4,
      resourcesCheckedOnTime: 3,
    },
  ]);
}

describe('The console’s measures and quarterly report in headless Chromium', () => {
  let t: TestHub;
  let browser: Browser;
  let world: World;
  let origin: string;
  const watches: PageWatch[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    origin = new URL(t.url).origin;
    world = await makeWorld(t);
    await importQ4(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });
  afterEach(() => {
    for (const w of watches.splice(0)) {
      expect(w.problems).toEqual([]);
      expect(w.offOrigin).toEqual([]);
    }
  });

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    watches.push(watch(page, origin));
    // The browser's clock is the hub's: "the current quarter" is then 2026 Q1.
    await page.clock.setFixedTime(t.clock.now());
    return page;
  };

  test('When a quarter of imported history is picked, then its rates are charted as the hub counts them, parts beside, and a rate with nothing to measure says so', async () => {
    const [center] = await measures(t, '2025-10-01', '2025-12-31');
    expect(center.faultRestoreAndReportTimeliness.percent).toBe(50);
    expect(center.resourceCheckTimeliness.percent).toBe(75);
    expect(center.provisioningTimeliness.percent).toBeNull();

    const page = await newPage();
    await signInTo(page, origin, await tokenFor(world.duty.code), '#/measures');
    await page.locator('#measures[data-quarter="2026-Q1"]').waitFor();
    await page.locator('[data-page="measures"][data-loaded="true"]').waitFor();
    await page.selectOption('#quarter-picker', '2025/4');
    await page.locator('#measures[data-quarter="2025-Q4"] .rate-panel').first().waitFor();
    expect(await page.locator('.rate-panel').count()).toBe(4);

    const fault = page.locator('.rate-panel[data-rate="faultRestoreAndReportTimeliness"]');
    expect(await fault.locator('h2 .rate-figure').textContent()).toBe('50%');
    const faultCenter = fault.locator('table.parts tr[data-key="CENTER"] td');
    expect(await faultCenter.allTextContents()).toEqual(['50%', '1/2', '1/2']);
    // By month: October all on time, November all late, December nothing to measure.
    expect(await fault.locator('.chart-bar[data-key="2025-10"]').getAttribute('data-percent')).toBe('100');
    expect(await fault.locator('.chart-bar[data-key="2025-11"]').getAttribute('data-percent')).toBe('0');
    expect(await fault.locator('.chart-bar[data-key="2025-11"] .chart-value').textContent()).toBe('0%');
    expect(await fault.locator('.chart-bar[data-key="2025-12"] .chart-value').textContent()).toBe('nothing to measure');
    expect(await fault.locator('.chart-bar[data-key="GOLD"] .chart-value').textContent()).toBe('50%');

    const check = page.locator('.rate-panel[data-rate="resourceCheckTimeliness"]');
    expect(await check.locator('h2 .rate-figure').textContent()).toBe('75%');
    expect(await check.locator('table.parts tr[data-key="CENTER"] td').allTextContents()).toEqual(['75%', '3/4']);

    // Nothing provisioned in the quarter: nothing to measure, never 0%.
    const provisioning = page.locator('.rate-panel[data-rate="provisioningTimeliness"]');
    expect(await provisioning.locator('h2 .rate-figure').textContent()).toBe('nothing to measure');
    expect(await provisioning.locator('.chart-bar.chart-null').count()).toBe(await provisioning.locator('.chart-bar').count());
    expect(await provisioning.locator('.chart-fill').count()).toBe(0);
    for (const shown of [
      ...(await provisioning.locator('.chart-value').allTextContents()),
      ...(await provisioning.locator('td.rate').allTextContents()),
    ])
      expect(shown).toBe('nothing to measure');
    expect(await page.locator('.rate-panel[data-rate="perceptionIndex"] h2 .rate-figure').textContent()).toBe('nothing to measure');
    expect(await page.locator('#other-figures tr[data-figure="responseWorkDone"] td').first().textContent()).toBe(
      `${center.responseWorkDone} ticket(s)`,
    );
    await screenshot(page, 'measures-charts');
    await page.close();
  });

  test('When the report is opened, then its sections show from its Markdown, it opens printable, and its writer saves a section, seeing the hub’s refusals', async () => {
    const page = await newPage();
    await signInTo(page, origin, await tokenFor(world.duty.code), '#/measures/2025/4');
    await page.click('#report-link');
    await page.locator('#report[data-quarter="2025-Q4"] #report-sections').waitFor();
    const headings = await page.locator('#report-sections section h3').allTextContents();
    expect(headings).toHaveLength(8);
    expect(headings[6]).toContain('问题及建议');
    expect(await page.locator('#report-sections .report-title').textContent()).toContain('2025 Q4');

    // Saved from the page: markup in it stays text in the sections drawn again.
    const text = '跨区故障协调慢：建议建立区域联动机制。<b>加粗</b> & more';
    await page.fill('#section-PROBLEMS_AND_SUGGESTIONS', text);
    await page.click('#section-PROBLEMS_AND_SUGGESTIONS-save');
    await page.locator('#section-PROBLEMS_AND_SUGGESTIONS-status', { hasText: 'Saved as version 1' }).waitFor();
    const section7 = page.locator('#report-sections section', { hasText: '7. 问题及建议' });
    await section7.locator('.report-text', { hasText: text }).waitFor();
    expect(await page.locator('#report-sections b').count()).toBe(0);
    const { quarterlyReport } = await t.ok<{ quarterlyReport: { problemsAndSuggestions: { text: string; version: number } } }>(
      '{ quarterlyReport(year: 2025, quarter: 4) { problemsAndSuggestions { text version } } }',
    );
    expect(quarterlyReport.problemsAndSuggestions).toEqual({ text, version: 1 });

    // Someone else saves it meanwhile: the page's version is stale, and the hub's CONFLICT shows.
    await t.ok(SAVE, { text: '另一位同事的修改', v: 1 }, world.duty.code);
    await page.fill('#section-PROBLEMS_AND_SUGGESTIONS', '我的修改');
    await page.click('#section-PROBLEMS_AND_SUGGESTIONS-save');
    await page.locator('#section-PROBLEMS_AND_SUGGESTIONS-status.notice-error', { hasText: 'reload' }).waitFor();
    // Blank text: the hub's validation shows on the section.
    await page.fill('#section-NEXT_QUARTER_PLAN', '   ');
    await page.click('#section-NEXT_QUARTER_PLAN-save');
    await page.locator('#section-NEXT_QUARTER_PLAN-status.notice-error', { hasText: 'Not saved' }).waitFor();
    expect(await page.getAttribute('#section-NEXT_QUARTER_PLAN', 'aria-invalid')).toBe('true');
    await screenshot(page, 'quarterly-report');

    // The printable page, fetched with the token and opened from a blob URL.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#open-printable')]);
    await popup.waitForURL(/^blob:/);
    await popup.locator('h1', { hasText: 'Quarterly report 2025 Q4' }).waitFor();
    expect(await popup.locator('h2').count()).toBe(8);
    await screenshot(popup, 'quarterly-report-printable');
    await popup.close();
    await page.locator('#printable-status.notice-ok').waitFor();

    // Written through, it is submitted from the page (late: the quarter's report was due in January).
    await page.fill('#section-TYPICAL_CASES', '光缆被挖断，4 小时内抢通。');
    await page.click('#section-TYPICAL_CASES-save');
    await page.locator('#section-TYPICAL_CASES-status', { hasText: 'Saved as version 1' }).waitFor();
    await page.fill('#section-NEXT_QUARTER_PLAN', '完成重点客户网络服务经理全覆盖。');
    await page.click('#section-NEXT_QUARTER_PLAN-save');
    await page.locator('#section-NEXT_QUARTER_PLAN-status', { hasText: 'Saved as version 1' }).waitFor();
    await page.click('#submit-report');
    await page.locator('#submit-status.notice-ok', { hasText: 'Submitted' }).waitFor();
    await page.locator('#report-state', { hasText: 'late' }).waitFor();
    expect(await page.locator('#submit-report').isHidden()).toBe(true);
    expect(await page.locator('#section-NEXT_QUARTER_PLAN').isDisabled()).toBe(true);
    await page.close();
  });

  test('When staff who may not write the report open it, then they read its sections with no editor', async () => {
    const page = await newPage();
    await signInTo(page, origin, await tokenFor(world.accountManager.code), '#/measures/2025/4/report');
    await page.locator('[data-page="measures"][data-loaded="true"] #report-sections section h3').first().waitFor();
    expect(await page.locator('#report-editors').count()).toBe(0);
    expect(await page.locator('#submit-report').isHidden()).toBe(true);
    await page.close();
  });
});
