import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../db/find-by-id';
import { execSql, type Row, rowReader, uuidArray } from '../../db/plain-rows';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, notFound } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import { checkId } from '../../shared/input-checks';
import type { ServiceContext } from '../../shared/service-context';
import { Ticket } from '../tickets/ticket.entity';
import { Attachment } from './attachment.entity';
import { type AttachmentPlace, maySeeAttachment, maySeeTicketOf, type Viewer, viewerOf } from './attachment-access';

/** The most attachments one call (or one form field) attaches: a handover's drawings, not an archive. */
export const MAX_ATTACH_AT_ONCE = 50;
/** File names as file systems keep them. */
const MAX_NAME_LENGTH = 255;

/** An upload whose type was checked against its bytes (attachment-content.ts). */
export interface CheckedUpload {
  name: string;
  contentType: string;
  bytes: Buffer;
  ticketId?: string | null;
}

/** What an upload answers: enough to cite the document and check it arrived whole. */
export interface AttachmentSummary {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

type Placed = Row<Attachment> & AttachmentPlace;

/** Documents kept with tickets: uploaded, attached once, read by whoever may see the ticket. Never deleted. */
export class AttachmentService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  /** Stores an upload (attached at once when `ticketId` names a ticket the uploader may see). */
  async upload(ctx: ServiceContext, file: CheckedUpload): Promise<AttachmentSummary> {
    const viewer = await this.viewer(ctx.em, ctx);
    if (viewer.kind !== 'staff' || !viewer.staffId) throw new DomainError(ErrorCode.FORBIDDEN, 'Only members of staff upload documents');
    const name = checkFileName(file.name);
    if (file.bytes.length === 0) throw badInput('body', 'The upload is empty');
    const summary: AttachmentSummary = {
      id: randomUUID(),
      name,
      contentType: file.contentType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    };
    const uploaderId = viewer.staffId;
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      const ticketId = file.ticketId ? await this.visibleTicket(em, viewer, file.ticketId, 'ticketId') : null;
      const now = this.clock.now();
      await execSql(
        em,
        `insert into attachment (id, name, content_type, size, sha256, content, uploaded_by_id, uploaded_at, ticket_id, attached_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [summary.id, name, summary.contentType, summary.size, summary.sha256, file.bytes, uploaderId, now, ticketId, ticketId ? now : null],
      );
      return summary;
    });
  }

  /** The attachment when the caller may see it; null otherwise, whether or not it exists. */
  async find(ctx: ServiceContext, id: string): Promise<Row<Attachment> | null> {
    checkId('id', id);
    const viewer = await this.viewer(ctx.em, ctx);
    const [placed] = await this.placed(ctx.em, [id]);
    return placed && maySeeAttachment(viewer, placed) ? placed : null;
  }

  /** The attachment and its bytes, for a download; null when the caller may not see it. */
  async download(ctx: ServiceContext, id: string): Promise<{ attachment: Row<Attachment>; content: Buffer } | null> {
    if (!isUuid(id)) return null;
    const attachment = await this.find(ctx, id);
    if (!attachment) return null;
    // The bytes are read only here, never with the metadata (the column is lazy).
    const [row] = await execSql<{ content: Buffer }>(ctx.em, 'select content from attachment where id = ?', [id]);
    return row ? { attachment, content: row.content } : null;
  }

  /**
   * Attaches the caller's own unattached uploads to a ticket they may see. Already on that ticket
   * is fine (a retried call); on another ticket is a CONFLICT: a document belongs to one ticket.
   */
  async attachToTicket(ctx: ServiceContext, ticketId: string, attachmentIds: readonly string[]): Promise<Ticket> {
    checkId('ticketId', ticketId);
    const viewer = await this.viewer(ctx.em, ctx);
    await inTransaction(ctx.em, this.bus, async ({ em }) => {
      await this.visibleTicket(em, viewer, ticketId, 'ticketId');
      await this.attach(em, viewer, ticketId, attachmentIds, 'attachmentIds');
    });
    const ticket = await ctx.em.findOne(Ticket, { id: ticketId });
    if (!ticket) throw notFound('Ticket', ticketId);
    return ticket;
  }

  /**
   * A task's `attachments` form field, in the completion's transaction: every id must be an
   * attachment the person completing may see; they join the instance's ticket when it has one.
   * Refusals name the field (BAD_USER_INPUT), so the task stays open and nothing changes.
   */
  async completeFormField(
    em: EntityManager,
    completion: { viewer: Viewer; ticketId: string | null; fieldId: string; ids: readonly string[] },
  ): Promise<void> {
    const field = `variables.${completion.fieldId}`;
    const ids = checkIds(field, completion.ids);
    const found = new Map((await this.placed(em, ids, true)).map((a) => [a.id, a]));
    for (const id of ids) {
      const attachment = found.get(id);
      if (!attachment || !maySeeAttachment(completion.viewer, attachment)) throw badInput(field, `No attachment ${id} you may see`, { id });
    }
    if (completion.ticketId) await this.attach(em, completion.viewer, completion.ticketId, ids, field, found);
  }

  private async attach(
    em: EntityManager,
    viewer: Viewer,
    ticketId: string,
    requested: readonly string[],
    field: string,
    locked?: ReadonlyMap<string, Placed>,
  ): Promise<void> {
    const ids = checkIds(field, requested);
    // Locked: two calls attaching one document to two tickets at once cannot both see it unattached.
    const found = locked ?? new Map((await this.placed(em, ids, true)).map((a) => [a.id, a]));
    const toAttach: string[] = [];
    for (const id of ids) {
      const attachment = found.get(id);
      const visible = !!attachment && maySeeAttachment(viewer, attachment);
      if (!attachment || !visible)
        throw new DomainError(ErrorCode.NOT_FOUND, `Attachment ${id} does not exist`, { type: 'Attachment', id, field });
      if (attachment.ticketId === ticketId) continue;
      if (attachment.ticketId) {
        throw new DomainError(ErrorCode.CONFLICT, `Attachment ${attachment.name} is on another ticket; a document belongs to one ticket`, {
          id,
          field,
        });
      }
      if (attachment.uploadedById !== viewer.staffId) {
        throw new DomainError(ErrorCode.FORBIDDEN, `Only its uploader attaches ${attachment.name} to a ticket`, { id, field });
      }
      toAttach.push(id);
    }
    if (toAttach.length === 0) return;
    await execSql(em, 'update attachment set ticket_id = ?, attached_at = ? where id = any(?::uuid[]) and ticket_id is null', [
      ticketId,
      this.clock.now(),
      uuidArray(toAttach),
    ]);
  }

  /** The ticket's id when the viewer may see it; NOT_FOUND otherwise (no one learns a ticket exists). */
  private async visibleTicket(em: EntityManager, viewer: Viewer, ticketId: string, field: string): Promise<string> {
    checkId(field, ticketId);
    const [ticket] = await execSql<{ customer_id: string }>(em, 'select customer_id from ticket where id = ?', [ticketId]);
    if (!ticket || !maySeeTicketOf(viewer, ticket.customer_id)) throw notFound('Ticket', ticketId);
    return ticketId;
  }

  /** Attachments by id with where they are (their ticket's customer), without their bytes. */
  private async placed(em: EntityManager, ids: readonly string[], lock = false): Promise<Placed[]> {
    const reader = rowReader(em, Attachment);
    const rows = await execSql<Record<string, unknown>>(
      em,
      `select ${reader.selectList('a')}, t.customer_id as ticket_customer_id from attachment a
       left join ticket t on t.id = a.ticket_id where a.id = any(?::uuid[])${lock ? ' for update of a' : ''}`,
      [uuidArray(ids.filter(isUuid))],
    );
    return rows.map((row) => {
      const attachment = reader.read(row);
      return {
        ...attachment,
        uploadedById: attachment.uploadedBy.id,
        ticketId: attachment.ticket?.id ?? null,
        ticketCustomerId: (row.ticket_customer_id as string | null) ?? null,
      };
    });
  }

  /** The caller as the rules see them: the principal the request confirmed, else read by the token's user code. */
  private async viewer(em: EntityManager, ctx: ServiceContext): Promise<Viewer> {
    if (ctx.principal || ctx.actor.kind !== 'staff' || !ctx.actor.userCode) return viewerOf(ctx.actor, ctx.principal);
    const [user] = await execSql<{ id: string; roles: string[] }>(em, 'select id, roles from app_user where code = ? and active', [
      ctx.actor.userCode,
    ]);
    return viewerOf(ctx.actor, user ?? null);
  }
}

/** Distinct ids, each a UUID, one to MAX_ATTACH_AT_ONCE of them. */
function checkIds(field: string, ids: readonly string[]): string[] {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) throw badInput(field, 'Name at least one attachment');
  if (distinct.length > MAX_ATTACH_AT_ONCE) throw badInput(field, `At most ${MAX_ATTACH_AT_ONCE} attachments at once`);
  for (const id of distinct) if (!isUuid(id)) throw badInput(field, `${id.slice(0, 40)} is no attachment id (UUID)`);
  return distinct;
}

/** A file name as it is shown and served back: no paths, no control characters, not blank. */
function checkFileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (!name) throw badInput('name', 'Say the file name (X-File-Name header or name parameter)');
  if (name.length > MAX_NAME_LENGTH) throw badInput('name', `A file name is at most ${MAX_NAME_LENGTH} characters`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f/\\]/.test(name)) throw badInput('name', 'A file name has no path separators or control characters');
  return name;
}
