import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import type { ServiceContext } from '../../shared/service-context';
import type { CalendarService } from '../calendar/calendar.service';
import { Circuit } from '../circuits/circuit.entity';
import { Customer } from '../customers/customer.entity';
import type { ServiceLevel } from '../customers/customer.enums';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { actingUser, recordHistory } from '../history/history.service';
import { Department } from '../org/department.entity';
import type { User } from '../org/user.entity';
import { SlaOverride } from '../tickets/sla-override.entity';
import { deadlinesFor } from '../tickets/sla-policy';
import { Ticket } from '../tickets/ticket.entity';
import { TicketKind, TicketStatus } from '../tickets/ticket.enums';
import { RESPONSE_CENTER_CODE } from '../tickets/ticket.service';
import { nextTicketNumbers } from '../tickets/ticket-number';
import { TicketReport } from '../tickets/ticket-report.entity';
import { type HistoricalTicketInput, IMPORT_BATCH_MAX, ImportOutcome, type ImportResult } from './import.inputs';
import { type CheckedRow, checkRow, type ImportLookups, importedReportKind } from './import-rows';
import { ImportedTicket } from './imported-ticket.entity';

const CHINA_OFFSET_MS = 8 * 3600_000;
const chinaYear = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).getUTCFullYear();

/** Where the ticket stood when the earlier system let go of it. */
const statusOf = (input: HistoricalTicketInput): TicketStatus =>
  input.closedAt
    ? TicketStatus.closed
    : input.resolvedAt
      ? TicketStatus.resolved
      : input.respondedAt
        ? TicketStatus.inProgress
        : TicketStatus.acknowledged;

/**
 * History from the center's earlier system (a center moving to the hub keeps its measures). A
 * batch is one transaction: every row is checked first and one wrong row refuses all of them.
 * Imported tickets run no procedure and start no SLA clock (their time is past), and they count
 * in the measures like any other; their import record marks them and holds what no procedure
 * recorded for them.
 */
export class ImportService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly calendar: CalendarService,
  ) {}

  importTickets(ctx: ServiceContext, rows: HistoricalTicketInput[]): Promise<ImportResult> {
    if (rows.length === 0) throw badInput('input', 'Send at least one row');
    if (rows.length > IMPORT_BATCH_MAX) throw badInput('input', `Send at most ${IMPORT_BATCH_MAX} rows at once`);
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const first = seen.get(row.externalId.trim());
      if (first !== undefined) {
        throw badInput(`input[${i}].externalId`, `Row ${i + 1}: externalId repeats row ${first + 1}`, {
          row: i + 1,
          rowField: 'externalId',
        });
      }
      seen.set(row.externalId.trim(), i);
    });
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      const actor = await actingUser(em, ctx.actor);
      // One import at a time: two batches naming one externalId must not both import it.
      await execSql(em, 'select pg_advisory_xact_lock(hashtext(?))', ['kx:ticket-import']);
      const before = await this.importedBefore(em, [...seen.keys()]);
      const lookups = await this.lookups(em, rows);
      const fresh: CheckedRow[] = [];
      const outcomes: { externalId: string; outcome: ImportOutcome; ticketId: string | null; index: number }[] = [];
      rows.forEach((row, i) => {
        const externalId = row.externalId.trim();
        const checked = checkRow(row, i, lookups);
        const earlier = before.get(externalId);
        if (earlier && earlier.fingerprint !== checked.fingerprint) {
          throw badInput(
            `input[${i}].externalId`,
            `Row ${i + 1}: externalId was imported before with other facts; it is not changed by importing it again`,
            {
              row: i + 1,
              rowField: 'externalId',
            },
          );
        }
        if (earlier) outcomes.push({ externalId, outcome: ImportOutcome.ALREADY_IMPORTED, ticketId: earlier.ticketId, index: i });
        else {
          outcomes.push({ externalId, outcome: ImportOutcome.IMPORTED, ticketId: null, index: fresh.length });
          fresh.push(checked);
        }
      });
      const created = fresh.length ? await this.create(em, actor, fresh) : [];
      await em.flush();
      const ids = outcomes.map((o) => o.ticketId ?? created[o.index].id);
      const tickets = new Map((await em.find(Ticket, { id: { $in: ids } })).map((t) => [t.id, t]));
      return {
        imported: fresh.length,
        alreadyImported: outcomes.length - fresh.length,
        rows: outcomes.map((o, i) => ({ externalId: o.externalId, outcome: o.outcome, ticket: tickets.get(ids[i]) as Ticket })),
      };
    });
  }

  private async importedBefore(em: EntityManager, externalIds: string[]): Promise<Map<string, { ticketId: string; fingerprint: string }>> {
    const rows = await execSql<{ external_id: string; ticket_id: string; fingerprint: string }>(
      em,
      'select external_id, ticket_id, fingerprint from imported_ticket where external_id = any(?::text[])',
      [externalIds],
    );
    return new Map(rows.map((r) => [r.external_id, { ticketId: r.ticket_id, fingerprint: r.fingerprint }]));
  }

  /** The customers and circuits the rows name, one statement each. */
  private async lookups(em: EntityManager, rows: HistoricalTicketInput[]): Promise<ImportLookups> {
    const customerCodes = [...new Set(rows.map((r) => r.customerCode.trim()))];
    const circuitCodes = [...new Set(rows.flatMap((r) => r.circuitCodes.map((c) => c.trim())))];
    const customers = await execSql<{ id: string; code: string; service_level: ServiceLevel }>(
      em,
      'select id, code, service_level from customer where code = any(?::text[])',
      [customerCodes],
    );
    const circuits = circuitCodes.length
      ? await execSql<{ id: string; code: string; customer_id: string }>(
          em,
          'select id, code, customer_id from circuit where code = any(?::text[])',
          [circuitCodes],
        )
      : [];
    return {
      customers: new Map(customers.map((c) => [c.code, { id: c.id, serviceLevel: c.service_level }])),
      circuits: new Map(circuits.map((c) => [c.code, { id: c.id, customerId: c.customer_id }])),
      now: this.clock.now(),
    };
  }

  private async create(em: EntityManager, actor: User | null, rows: CheckedRow[]): Promise<Ticket[]> {
    const now = this.clock.now();
    const overrides = await em.find(SlaOverride, {});
    const center = await em.findOneOrFail(Department, { code: RESPONSE_CENTER_CODE });
    const numbers = await this.numbers(em, rows);
    const calendar = this.calendar.current;
    return rows.map((row, i) => {
      const { input } = row;
      // The policy in force at openedAt: an override set before then, else the defaults (overrides keep no past values).
      const override = overrides.find((o) => o.kind === input.kind && o.level === row.serviceLevel && o.updatedAt <= input.openedAt);
      const computed = deadlinesFor(
        this.calendar,
        input.openedAt,
        { kind: input.kind, level: row.serviceLevel, priority: input.priority },
        override ? { response: override.response, resolution: override.resolution, report: override.report ?? null } : null,
      );
      const reportDueAt = input.reportOwed ? (input.reportDueAt ?? computed.reportDueAt ?? undefined) : undefined;
      const resolutionDueAt = input.resolutionDueAt ?? computed.resolutionDueAt;
      const ticket = em.create(Ticket, {
        number: numbers[i],
        kind: input.kind,
        channel: input.channel,
        title: input.title,
        description: `Imported from the earlier system (${input.externalId.trim()})`,
        customer: em.getReference(Customer, row.customerId),
        priority: input.priority,
        status: statusOf(input),
        ownerDepartment: center,
        createdBy: actor ?? undefined,
        responseDueAt: computed.responseDueAt,
        resolutionDueAt,
        reportDueAt,
        // Past deadlines are never counted again when a year's holidays are entered.
        deadlinesProvisional: false,
        respondedAt: input.respondedAt ?? undefined,
        resolvedAt: input.resolvedAt ?? undefined,
        closedAt: input.closedAt ?? undefined,
        createdAt: input.openedAt,
        updatedAt: now,
      });
      ticket.circuits.set(row.circuitIds.map((id) => em.getReference(Circuit, id)));
      const provisioning = input.kind === TicketKind.CIRCUIT_DISPATCH && input.resolvedAt;
      em.create(ImportedTicket, {
        externalId: input.externalId.trim(),
        ticketId: ticket.id,
        kind: input.kind,
        fingerprint: row.fingerprint,
        serviceAffecting: input.serviceAffecting ?? null,
        resourcesToCheck: input.resourcesToCheck ?? null,
        resourcesCheckedOnTime: input.resourcesCheckedOnTime ?? null,
        cycleWorkingDays: provisioning ? calendar.workingDaysBetween(input.openedAt, provisioning) : null,
        importedAt: now,
        importedBy: actor ?? null,
      });
      const reportKind = importedReportKind[input.kind];
      if (input.reportDeliveredAt && reportKind) {
        em.create(TicketReport, {
          ticket,
          kind: reportKind,
          title: 'Delivered in the earlier system',
          content: `Imported with ${input.externalId.trim()}: the report itself stays in the earlier system.`,
          submittedAt: input.reportDeliveredAt,
          onTime: !reportDueAt || input.reportDeliveredAt.getTime() <= reportDueAt.getTime(),
          createdAt: now,
          updatedAt: now,
        });
      }
      recordHistory(em, actor, {
        subjectType: SubjectType.TICKET,
        subjectId: ticket.id,
        action: HistoryAction.CREATED,
        at: now,
        note: `Imported from the earlier system as ${input.externalId.trim()} (opened there ${input.openedAt.toISOString()}); it runs no procedure here`,
      });
      return ticket;
    });
  }

  /** Numbers of the year each ticket opened in (China time), handed out a block per year. */
  private async numbers(em: EntityManager, rows: CheckedRow[]): Promise<string[]> {
    const byYear = new Map<number, number[]>();
    rows.forEach((row, i) => {
      const year = chinaYear(row.input.openedAt);
      byYear.set(year, [...(byYear.get(year) ?? []), i]);
    });
    const numbers: string[] = new Array(rows.length);
    for (const [year, indexes] of byYear) {
      const block = await nextTicketNumbers(em, year, indexes.length);
      indexes.forEach((index, j) => {
        numbers[index] = block[j];
      });
    }
    return numbers;
  }
}
