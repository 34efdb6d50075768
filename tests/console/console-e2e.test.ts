import type { Browser, Page } from 'playwright-core';
import { goTo, launchBrowser, type PageWatch, screenshot, signInTo, watch } from '../support/browser';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';
import { deploy, fixture } from '../support/processes';

const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number slaClocks { kind warnAt dueAt } } }';
const TRANSITION = 'mutation($id: ID!, $to: TicketStatus!) { transitionTicket(input: { id: $id, to: $to }) { id status } }';
const START = 'mutation($bk: String!) { startProcess(key: "console-review", businessKey: $bk, variables: { requestedBy: "e2e" }) { id } }';
const REVIEW = fixture('console/console-review.bpmn');

describe('The console in headless Chromium, served by the hub', () => {
  let t: TestHub;
  let browser: Browser;
  let world: World;
  let origin: string;
  let owner: string;
  const watches: PageWatch[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    origin = new URL(t.url).origin;
    world = await makeWorld(t);
    owner = `owner.${Date.now().toString(36)}`;
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { code: owner, name: '流程负责人', departmentId: world.departments.KX, roles: ['PROCESS_OWNER'] },
    });
    await deploy(t, REVIEW);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });
  afterEach(() => {
    // No script error, no CSP refusal, nothing fetched from anywhere but the hub.
    for (const w of watches.splice(0)) {
      expect(w.problems).toEqual([]);
      expect(w.offOrigin).toEqual([]);
    }
  });

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    watches.push(watch(page, origin));
    return page;
  };

  test('When a process owner edits a diagram so the hub refuses it, then the refusal is on the right element; fixed, it deploys with its comment and compares with the version before', async () => {
    const page = await newPage();
    await signInTo(page, origin, await tokenFor(owner), '#/modeler/console-review');
    const review = page.locator('#canvas .djs-element[data-element-id="review"]');
    await review.waitFor();

    // Edit in the properties panel: offer the task to a group nobody is in.
    await review.click();
    await page.click('[data-group-id="group-CamundaPlatform__UserAssignment"] .bio-properties-panel-group-header');
    const groups = page.locator('#bio-properties-panel-candidateGroups');
    await groups.fill('NOBODY-HERE');
    await page.locator('#lint-problems li[data-element-id="review"]', { hasText: 'NOBODY-HERE' }).waitFor();

    await page.fill('#deploy-comment', 'offer the review elsewhere');
    await page.click('#deploy');
    const badge = page.locator('.kx-problem-badge[data-for="review"]');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('NOBODY-HERE');
    expect(await page.locator('#hub-problems li[data-element-id="review"]').count()).toBeGreaterThan(0);
    expect(await review.getAttribute('class')).toContain('kx-problem');
    await screenshot(page, 'modeler-refusal');
    const refused = await t.ok<{ processDefinitions: { key: string; latestVersion: number }[] }>(
      '{ processDefinitions { key latestVersion } }',
    );
    expect(refused.processDefinitions.find((d) => d.key === 'console-review')?.latestVersion).toBe(1);

    // Fixed and renamed, the hub says it would deploy; deployed, it is version 2 with the comment.
    await groups.fill('KX');
    await page.click('[data-group-id="group-general"] .bio-properties-panel-group-header').catch(() => undefined);
    await page.fill('#bio-properties-panel-name', 'Review and decide');
    await page.click('#validate');
    await page.locator('#modeler-status', { hasText: 'would deploy' }).waitFor();
    await page.fill('#deploy-comment', 'the review decides, as agreed with the center');
    await page.click('#deploy');
    await page.locator('#diagram-title', { hasText: 'version 2' }).waitFor();
    await page.locator('#definitions .comment', { hasText: 'the review decides' }).waitFor();

    await page.selectOption('#compare-from', '1');
    await page.selectOption('#compare-to', '2');
    await page.click('#compare');
    const changed = page.locator('#comparison .diff-changed li', { hasText: 'review' });
    await changed.waitFor();
    expect(await changed.textContent()).toContain('was named “Review the request”');
    await screenshot(page, 'modeler-compare');

    const { processDefinitions } = await t.ok<{
      processDefinitions: {
        key: string;
        versions: { version: number; comment: string | null; deployedBy: { code: string } | null; xml: string }[];
      }[];
    }>('{ processDefinitions { key versions { version comment deployedBy { code } xml } } }');
    const v2 = processDefinitions.find((d) => d.key === 'console-review')?.versions.find((v) => v.version === 2);
    expect(v2).toMatchObject({ comment: 'the review decides, as agreed with the center', deployedBy: { code: owner } });
    expect(v2?.xml).toContain('camunda:candidateGroups="KX"');
    await page.close();
  });

  test('When tickets change through the API, then an open board shows them without reload, deadlines counting down, warnings and breaches highlighted', async () => {
    const open = (title: string) =>
      t.ok<{ openTicket: { id: string; number: string; slaClocks: { kind: string; warnAt: string; dueAt: string }[] } }>(
        OPEN,
        { input: { kind: 'FAULT', channel: 'PHONE', title, customerId: world.customer.id } },
        world.duty.code,
      );
    const first = (await open('光缆中断 first')).openTicket;
    const page = await newPage();
    // The browser's clock is the hub's test clock: the countdowns are then exact.
    await page.clock.setFixedTime(t.clock.now());
    await signInTo(page, origin, await tokenFor(world.duty.code), '#/tickets');
    await page.selectOption('#filter-kind', 'FAULT');
    const row = page.locator(`#board-rows tr[data-number="${first.number}"]`);
    await row.waitFor();
    await page.locator('[data-page="tickets"][data-subscribed="true"]').waitFor();
    expect(await row.locator('td[data-clock="RESOLUTION"]').textContent()).toMatch(/^due in /);
    await page.evaluate(() => {
      (globalThis as { stillThisPage?: boolean }).stillThisPage = true;
    });

    await t.ok(TRANSITION, { id: first.id, to: 'inProgress' }, world.duty.code);
    await row.locator('td.status', { hasText: 'inProgress' }).waitFor();
    // A title is data, shown as text: markup in it stays text.
    const second = (await open('专线中断 <img src=x onerror="globalThis.pwned=1"> second')).openTicket;
    const secondTitle = page.locator(`#board-rows tr[data-number="${second.number}"] td.title`);
    await secondTitle.waitFor();
    expect(await secondTitle.textContent()).toBe('专线中断 <img src=x onerror="globalThis.pwned=1"> second');
    expect(await page.locator('#board-rows img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { stillThisPage?: boolean }).stillThisPage)).toBe(true);

    // The second ticket's response is owed first: past its warning time the row is highlighted, past its due time breached.
    const response = second.slaClocks.find((c) => c.kind === 'RESPONSE');
    if (!response) throw new Error('no response clock');
    await page.clock.setFixedTime(Date.parse(response.warnAt) + 60_000);
    await page.locator(`#board-rows tr.sla-warning[data-number="${second.number}"]`).waitFor();
    await screenshot(page, 'ticket-board-warning');
    await page.clock.setFixedTime(Date.parse(response.dueAt) + 60_000);
    await page.locator(`#board-rows tr.sla-breached[data-number="${second.number}"]`).waitFor();
    expect(await page.locator(`#board-rows tr[data-number="${second.number}"] td[data-clock="RESPONSE"]`).textContent()).toMatch(
      /^late by 1m/,
    );
    await screenshot(page, 'ticket-board');
    await page.close();
  });

  test('When a task waits, then the live view counts it on its activity; claimed and completed through its form, the hub’s validation shows on the field first', async () => {
    const one = await t.ok<{ startProcess: { id: string } }>(START, { bk: 'CONSOLE-1' });
    const page = await newPage();
    await signInTo(page, origin, await tokenFor(world.duty.code), '#/live/console-review');
    const waiting = page.locator('.kx-counts[data-for="review"] .kx-waiting');
    await waiting.waitFor();
    expect(await waiting.textContent()).toBe('1');
    await page.locator('[data-page="live"][data-subscribed="true"]').waitFor();
    await t.ok(START, { bk: 'CONSOLE-2' });
    await page.locator('.kx-counts[data-for="review"] .kx-waiting', { hasText: '2' }).waitFor();
    await page.click(`#instance-rows tr[data-instance-id="${one.startProcess.id}"]`);
    await page.locator('#instance-variables', { hasText: 'requestedBy' }).waitFor();
    await screenshot(page, 'live-process');

    await goTo(page, '#/tasks');
    const task = page.locator('#department-tasks li', { hasText: 'Review' }).first();
    await task.locator('button').click();
    await page.click('#claim-task');
    await page.locator('#task-assignee', { hasText: world.duty.code }).waitFor();
    await page.locator('#my-tasks li', { hasText: 'Review' }).first().waitFor();

    // Nothing chosen: the hub refuses, and says so on the Decision field.
    await page.click('#complete-task');
    await page.locator('#error-decision', { hasText: 'required' }).waitFor();
    expect(await page.getAttribute('#field-decision', 'aria-invalid')).toBe('true');
    await page.selectOption('#field-decision', 'approve');
    await page.fill('#field-hours', 'three');
    await page.click('#complete-task');
    await page.locator('#error-hours', { hasText: 'must be a long' }).waitFor();
    await screenshot(page, 'task-form-validation');
    await page.fill('#field-hours', '3');
    await page.fill('#field-note', '已核实');
    await page.check('#field-urgent');
    const taskId = await page.getAttribute('#task-form', 'data-task-id');
    await page.click('#complete-task');
    await page.locator('#form-status', { hasText: 'Completed' }).waitFor();
    await screenshot(page, 'task-completed');

    const { task: done } = await t.ok<{ task: { status: string; output: Record<string, unknown>; completedBy: { code: string } } }>(
      'query($id: ID!) { task(id: $id) { status output completedBy { code } } }',
      { id: taskId },
    );
    expect(done).toEqual({
      status: 'COMPLETED',
      output: { decision: 'approve', hours: 3, note: '已核实', urgent: true },
      completedBy: { code: world.duty.code },
    });
    await page.close();
  });

  test('When a browser asks /graphql for a page outside production, then the bundled GraphiQL answers it and runs a query with the console’s token', async () => {
    const page = await newPage();
    await signInTo(page, origin, await tokenFor('admin'), '#/tickets');
    await page.goto(`${origin}/graphql`);
    // The editor is ready once its query is drawn; a click before that may be lost, so it is tried again.
    await page.locator('.graphiql-query-editor', { hasText: 'OpenTickets' }).waitFor();
    const result = page.locator('.result-window', { hasText: 'totalCount' });
    for (let attempt = 1; ; attempt++) {
      await page.locator('.graphiql-execute-button').click();
      const shown = await result.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      if (attempt === 3) throw new Error('GraphiQL showed no result after three runs');
    }
    await screenshot(page, 'graphiql');
    await page.close();
  });
});
