import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONSOLE_CSP } from '../../src/modules/console/console-routes';
import { startTestHub, type TestHub } from '../support/hub';

const DIST = path.join(__dirname, '..', '..', 'dist', 'console');

describe('The hub serves the built console at /console', () => {
  let dev: TestHub;
  let production: TestHub;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/console is not built: run `npm run build`');
    dev = await startTestHub();
    production = await startTestHub({
      database: dev.db,
      config: { production: true, jwtSecret: 'a-production-secret-for-this-test-only' },
    });
  });
  afterAll(async () => {
    await production?.stop();
    await dev?.stop();
  });

  const origin = (t: TestHub) => new URL(t.url).origin;

  test('When the console is asked for, then its page comes with a CSP that allows no inline script, and hashed assets are cached for good', async () => {
    const page = await fetch(`${origin(production)}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /<script\b[^>]*>/g.exec(html)?.[0] ?? '';
    expect(script).toMatch(/src="\/console\/assets\/[^"]+\.js"/);
    const asset = await fetch(`${origin(production)}${/src="([^"]+)"/.exec(script)?.[1]}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${origin(production)}/console/nothing-here.js`)).status).toBe(404);
  });

  test('When the built pages are read, then no script is inline and nothing is loaded from another host', () => {
    for (const file of readdirSync(DIST).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(DIST, file), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="\/console\//);
      expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    }
  });

  test('When a browser opens /graphql, then outside production it gets the bundled GraphiQL, in production no page at all; GraphQL clients are unaffected', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const ide = await fetch(dev.url, { headers: browser });
    expect(ide.status).toBe(200);
    expect(ide.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    const html = await ide.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/cdn|apollographql\.com|embeddable-sandbox/i);

    const refused = await fetch(production.url, { headers: browser });
    expect(await refused.text()).not.toContain('graphiql');

    for (const headers of [{ accept: 'application/json' }, browser]) {
      const query = await fetch(`${dev.url}?query=${encodeURIComponent('{ __typename }')}`, { headers });
      expect(query.headers.get('content-type')).toMatch(/json/);
    }
  });
});
