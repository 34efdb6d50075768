import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

export interface MetricsAccess {
  /** METRICS_TOKEN: when set, the scraper must send it as a bearer token */
  token: string;
  production: boolean;
}

/** Compared as digests: equal lengths for timingSafeEqual, and no timing hint of how much of the token matched. */
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `/metrics`, readable by the scraper only. Its numbers are no secret of the customers', but they
 * tell an outsider the operations clients run, how busy the center is, and every scrape reads the
 * database: so with METRICS_TOKEN set a bearer token is required (Prometheus sends one with
 * `authorization: { credentials: ... }`), and in production without one it is off (404) rather
 * than open on the port the integrators reach. A development hub serves it openly.
 */
export function metricsRoute(access: MetricsAccess, scrape: () => Promise<{ contentType: string; body: string }>): RequestHandler {
  const expected = access.token ? digest(access.token) : null;
  return async (req, res) => {
    if (!expected && access.production) {
      res.status(404).json({ status: 'metrics are off: set METRICS_TOKEN to publish them' });
      return;
    }
    if (expected) {
      const offered = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(offered), expected)) {
        res.status(401).set('www-authenticate', 'Bearer realm="metrics"').json({ status: 'a bearer token is needed to read /metrics' });
        return;
      }
    }
    const { contentType, body } = await scrape();
    res.set('content-type', contentType).set('cache-control', 'no-store').send(body);
  };
}
