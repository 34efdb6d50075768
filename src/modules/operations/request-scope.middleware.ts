import type { RequestHandler } from 'express';
import type { Logger } from '../../shared/logger';
import { currentRequest, REQUEST_ID_HEADER, type RequestScope, requestIdFrom, runInRequest } from '../../shared/request-scope';
import type { HubMetrics } from './hub-metrics';
import { UNKNOWN_OPERATION, UNKNOWN_TYPE } from './operation-labels';

/** Probes and scrapes come every few seconds: their lines would drown the requests people make. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * First on every request: its id (the caller's `x-request-id` when sane, else a new one), sent
 * back in the same header, and the scope that carries the id into log lines, SQL logs and
 * errors. One access line per request when its answer is sent.
 */
export function requestScopes(log: Logger): RequestHandler {
  return (req, res, next) => {
    const scope: RequestScope = { requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]), statements: 0 };
    res.setHeader(REQUEST_ID_HEADER, scope.requestId);
    const started = performance.now();
    // The path only: a GET's query string may hold a whole document and its variables.
    const path = req.originalUrl.split('?')[0];
    res.on('finish', () =>
      runInRequest(scope, () => {
        const line = { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) };
        const fields = scope.operation ? { ...line, operation: scope.operation.name, statements: scope.statements } : line;
        if (QUIET_PATHS.has(path)) log.debug(fields, 'request');
        else log.info(fields, 'request');
      }),
    );
    runInRequest(scope, next);
  };
}

/** On /graphql: each request counted and timed by operation when its answer is sent, refused ones too. */
export function observeGraphqlRequests(metrics: HubMetrics): RequestHandler {
  return (_req, res, next) => {
    const scope = currentRequest();
    if (!scope) return next();
    const stop = metrics.duration.startTimer();
    res.on('finish', () => {
      const labels = { operation: scope.operation?.name ?? UNKNOWN_OPERATION, type: scope.operation?.type ?? UNKNOWN_TYPE };
      const outcome = scope.outcome ?? (res.statusCode < 400 ? 'ok' : 'error');
      metrics.requests.inc({ ...labels, outcome });
      stop(labels);
      metrics.statements.observe(labels, scope.statements);
    });
    next();
  };
}
