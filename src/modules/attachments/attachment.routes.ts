import express, { type Request, type Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { AppContext } from '../../graphql/context';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import { TASK_WORKERS } from '../auth/access';
import { checkContent, checkDeclared } from './attachment-content';
import { closeAfterAnswer, readBoundedBody } from './bounded-body';
import { contentDisposition } from './content-disposition.util';

export interface AttachmentRouteDeps {
  /** the one way a request becomes a context (src/composition/authenticate.ts), as for /graphql */
  authenticate: (authorization: string | undefined) => Promise<AppContext>;
  /** the transports' error formatter: codes, and references for unexpected failures */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** ATTACHMENT_MAX_BYTES */
  maxBytes: number;
}

/** HTTP statuses of the codes an attachment request is refused with; the code itself goes in the body as GraphQL's do. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SERVICE_UNAVAILABLE: 503,
};

/** A refusal of this transport, beside the domain's: too large, a type not kept. */
class HttpRefusal extends Error {
  constructor(
    readonly code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
  ) {
    super(message);
  }
}

const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The file name: the X-File-Name header (percent-encoded UTF-8, as headers are Latin-1) or the `name` query parameter. */
function fileNameOf(req: Request): string {
  const header = single(req.headers['x-file-name']);
  if (header === undefined) return single(req.query.name) ?? '';
  try {
    return decodeURIComponent(header);
  } catch {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'X-File-Name is percent-encoded UTF-8 (encodeURIComponent)', { field: 'name' });
  }
}

/**
 * `POST /attachments` stores a raw body; `GET /attachments/:id` serves one back. Both take the
 * bearer tokens /graphql takes, and answer errors as JSON with the codes GraphQL uses.
 */
export function attachmentRoutes(deps: AttachmentRouteDeps): express.Router {
  const router = express.Router();

  const refuse = (req: Request, res: Response, err: unknown, bodyUnread: boolean) => {
    const code = err instanceof HttpRefusal ? err.code : undefined;
    const formatted = code
      ? { message: (err as Error).message, extensions: { code } }
      : deps.formatError({ message: (err as Error).message, extensions: err instanceof GraphQLError ? err.extensions : {} }, err);
    // `http` is Apollo's hint for its own status; here the status is the answer's own.
    const { http: _status, ...extensions } = formatted.extensions ?? {};
    const answered = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
    if (bodyUnread) closeAfterAnswer(req, res);
    res.status(STATUS[answered] ?? 500).json({ errors: [{ message: formatted.message, extensions: { ...extensions, code: answered } }] });
  };

  router.post('/', async (req, res) => {
    let bodyUnread = true;
    try {
      const ctx = await deps.authenticate(req.headers.authorization);
      const roles = ctx.principal?.roles ?? [];
      if (ctx.actor.kind !== 'staff' || !roles.some((role) => TASK_WORKERS.includes(role))) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'Only members of staff upload documents; a customer token reads its tickets’ documents');
      }
      const name = fileNameOf(req);
      const declared = single(req.headers['content-type']);
      // Refused before the body is read: a type the center does not keep is not worth receiving.
      const early = checkDeclared(declared, name.trim());
      if (!early.ok) throw new HttpRefusal('UNSUPPORTED_MEDIA_TYPE', early.message);
      const read = await readBoundedBody(req, deps.maxBytes);
      if ('tooLarge' in read) throw new HttpRefusal('PAYLOAD_TOO_LARGE', `An attachment is at most ${deps.maxBytes} bytes`);
      bodyUnread = false;
      const checked = checkContent(declared, name.trim(), read.body);
      if (!checked.ok) throw new HttpRefusal('UNSUPPORTED_MEDIA_TYPE', checked.message);
      const ticketId = single(req.query.ticketId) ?? single(req.headers['x-ticket-id']);
      const summary = await ctx.services.attachments.upload(ctx, { name, contentType: checked.contentType, bytes: read.body, ticketId });
      res.status(201).json(summary);
    } catch (err) {
      refuse(req, res, err, bodyUnread);
    }
  });

  router.get('/:id', async (req, res) => {
    try {
      const ctx = await deps.authenticate(req.headers.authorization);
      const found = await ctx.services.attachments.download(ctx, req.params.id);
      // Not there and not yours look alike: nobody learns that an attachment exists.
      if (!found) throw new DomainError(ErrorCode.NOT_FOUND, `Attachment ${req.params.id.slice(0, 40)} does not exist`);
      const { attachment, content } = found;
      res.set({
        'Content-Type': attachment.contentType,
        'Content-Length': String(content.length),
        'Content-Disposition': contentDisposition(attachment.name),
        'X-Content-Type-Options': 'nosniff',
        // Opened in a browser tab anyway, it runs nothing and reaches nothing.
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
        ETag: `"${attachment.sha256}"`,
      });
      res.status(200).end(content);
    } catch (err) {
      refuse(req, res, err, false);
    }
  });

  // Said plainly rather than a bare 404: the record is kept on purpose.
  router.delete('/:id', (_req, res) => {
    res
      .status(405)
      .set('Allow', 'GET')
      .json({ errors: [{ message: 'Attachments are never deleted', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
  });

  return router;
}
