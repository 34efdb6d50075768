import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); Playwright cannot download its own here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(__dirname, '..', 'artifacts', 'console');
const BUILT = path.join(__dirname, '..', '..', 'dist', 'console', 'index.html');

/** Fails at once, saying what to do, when the console or the browser is missing. */
export function assertBrowserReady(): void {
  if (!existsSync(BUILT)) throw new Error('dist/console is not built: run `npm run build` (the README test command does)');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
}

export function launchBrowser(): Promise<Browser> {
  assertBrowserReady();
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a page did that a test should hear of: script errors, CSP refusals, requests leaving the hub. */
export interface PageWatch {
  problems: string[];
  offOrigin: string[];
}

export function watch(page: Page, origin: string): PageWatch {
  const seen: PageWatch = { problems: [], offOrigin: [] };
  page.on('pageerror', (err) => seen.problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) seen.problems.push(`CSP: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url) && !url.startsWith(origin.replace(/^http/, 'ws'))) seen.offOrigin.push(url);
  });
  return seen;
}

/** Signs in through the page's own form with `token`, then goes to `hash`. */
export async function signInTo(page: Page, origin: string, token: string, hash: string): Promise<void> {
  await page.goto(`${origin}/console/`);
  await page.fill('#token', token);
  await page.click('#sign-in button[type="submit"]');
  await page.waitForSelector('#nav:not([hidden])');
  await goTo(page, hash);
}

/** Moves the open console to another page, as a click on its menu would: no reload. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
}

export const screenshot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
