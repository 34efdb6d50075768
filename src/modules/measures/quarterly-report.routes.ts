import express, { type Request, type Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { AppContext } from '../../graphql/context';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import { CENTER_STAFF } from '../auth/access';
import { reportHtml } from './quarterly-report.render';

export interface ReportRouteDeps {
  /** the one way a request becomes a context (src/composition/authenticate.ts), as for /graphql */
  authenticate: (authorization: string | undefined) => Promise<AppContext>;
  /** the transports' error formatter: codes, and references for unexpected failures */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * `GET /reports/quarterly/:year/:quarter`: the quarterly report as a printable page (print it to
 * PDF from the browser). The bearer token /graphql takes, for the staff who may read the report;
 * the page runs no script and loads nothing, and everything in it is escaped.
 */
export function quarterlyReportRoutes(deps: ReportRouteDeps): express.Router {
  const router = express.Router();

  const refuse = (res: Response, err: unknown) => {
    const formatted = deps.formatError(
      { message: (err as Error).message, extensions: err instanceof GraphQLError ? err.extensions : {} },
      err,
    );
    const { http: _status, ...extensions } = formatted.extensions ?? {};
    const code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
    res.status(STATUS[code] ?? 500).json({ errors: [{ message: formatted.message, extensions: { ...extensions, code } }] });
  };

  router.get('/quarterly/:year/:quarter', async (req: Request, res: Response) => {
    try {
      const ctx = await deps.authenticate(req.headers.authorization);
      const roles = ctx.principal?.roles ?? [];
      if (ctx.actor.kind !== 'staff' || !roles.some((role) => CENTER_STAFF.includes(role))) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'Only the center’s staff read the quarterly report');
      }
      const year = /^\d{4}$/.test(String(req.params.year)) ? Number(req.params.year) : Number.NaN;
      const quarter = /^[1-4]$/.test(String(req.params.quarter)) ? Number(req.params.quarter) : Number.NaN;
      const report = await ctx.services.quarterlyReports.report(ctx, year, quarter);
      res.set({
        'Content-Type': 'text/html; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
        // Its own inline style and nothing else: no script, no request anywhere.
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
        'Cache-Control': 'private, no-store',
      });
      res.status(200).send(reportHtml(report));
    } catch (err) {
      refuse(res, err);
    }
  });

  return router;
}
