import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * The console is static files: scripts only from the hub itself (no inline script, no eval), data
 * only from /graphql on the same origin. Styles may be inline: bpmn-js and the IDE's editor set
 * style attributes on what they draw.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = (res: express.Response): void => {
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
};

/** dist/console of the checkout the hub runs from, whether built (dist/src) or from source (src). */
export function findConsoleDir(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'dist', 'console');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return path.join(process.cwd(), 'dist', 'console');
    dir = up;
  }
}

/** GET /console/…: the built pages; hashed assets cached for good, pages revalidated. */
export function consoleRoutes(dir: string): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    securityHeaders(res);
    next();
  });
  router.use(
    express.static(dir, {
      index: 'index.html',
      setHeaders: (res, file) => {
        res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.use((_req, res) => {
    const built = existsSync(path.join(dir, 'index.html'));
    res
      .status(404)
      .type('text/plain')
      .send(built ? 'Not found' : 'The console is not built: `npm run build` builds it into dist/console.');
  });
  return router;
}

/**
 * GET /graphql from a browser (HTML wanted, no query) outside production: the bundled GraphiQL
 * instead of Apollo's landing page, which loads from a CDN. Anything else goes on to GraphQL.
 */
export function graphiqlPage(dir: string): express.RequestHandler {
  const page = path.join(dir, 'graphiql.html');
  return (req, res, next) => {
    const wantsPage =
      req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (!wantsPage || !existsSync(page)) return next();
    securityHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  };
}
