import { selectRows } from '../../db/plain-rows';
import type { CalendarService } from '../../modules/calendar/calendar.service';
import type { ProcessRunnerService } from '../../modules/processes/process-runner.service';
import type { SlaClockService } from '../../modules/sla/sla-clock.service';
import { TicketChannel, TicketKind, TicketPriority } from '../../modules/tickets/ticket.enums';
import { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import type { TicketService } from '../../modules/tickets/ticket.service';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { listCustomerScope, type ServiceContext } from '../../shared/service-context';
import { AlarmService } from '../fault-handling/alarm.service';
import { Cutover } from './cutover.entity';
import type { CutoverInput, CutoverNoticeFilter, SetCutoverNoticePolicyInput } from './cutover.inputs';
import { noticeView } from './cutover.loaders';
import type { CutoverNoticePolicy, CutoverNoticeView } from './cutover.types';
import { CutoverNoticeRecord } from './cutover-notice.entity';
import { leadTimePolicy, setLeadTimePolicy } from './cutover-policy';
import { type CutoverFacts, type PlannedCutover, planCutover } from './plan-cutover';

/** The departments that carry out network work; a cutover requested by anyone else is verified by operations. */
const NETWORK_TEAMS = ['OPS', 'CONS', 'TRANS', 'REGION', 'OPT'];
const DEFAULT_NETWORK_TEAM = 'OPS';

/** What requestCutover hands its procedure's intake, beside the ticket it opens. */
export interface CutoverRequestFacts {
  circuitIds: string[];
  startsAt: string;
  endsAt: string;
  kind: CutoverFacts['kind'];
  emergency: boolean;
  reason: string | null;
  networkTeam: string;
}

export const factsOf = (input: CutoverInput): CutoverFacts => ({
  circuitIds: input.circuitIds,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  kind: input.kind,
  emergency: input.emergency ?? false,
  reason: input.reason?.trim() || null,
});

/** A cutover that cannot be requested as it is: BAD_USER_INPUT naming each late customer and its deadline. */
export function refusalOf(plan: PlannedCutover): Error {
  const field = plan.emergency && plan.problems.some((p) => p.includes('reason')) ? 'reason' : 'startsAt';
  return badInput(field, `The cutover cannot be requested: ${plan.problems.join('; ')}`, {
    lateCustomers: plan.late.map((notice) => notice.customerCode),
    deadlines: plan.late.map((notice) => notice.notifyBy),
    earliestStart: plan.earliestStart.toISOString(),
  });
}

/**
 * Cutover notices (割接预通告): planning who must be told by when, requesting a cutover (a
 * CUTOVER_NOTICE ticket whose procedure runs it), the lead-time policy, and the notices as each
 * caller may see them. The procedure's steps reach the runner through here, attached at boot.
 */
export class CutoverService {
  private processRunner: ProcessRunnerService | null = null;
  readonly alarms: AlarmService;

  constructor(
    readonly clock: Clock,
    bus: EventBus,
    readonly calendar: CalendarService,
    readonly tickets: TicketService,
    readonly sla: SlaClockService,
  ) {
    // A failed verification opens a fault the way an OSS alarm does (the alarm id makes it once).
    this.alarms = new AlarmService(clock, bus, tickets);
  }

  /** The runner, attached once at boot (it is built after the procedures that need it). */
  attachRunner(runner: ProcessRunnerService): void {
    this.processRunner = runner;
  }

  runner(): ProcessRunnerService {
    if (!this.processRunner) throw new Error('The cutover procedure runs before the process runner was attached');
    return this.processRunner;
  }

  async plan(ctx: ServiceContext, input: CutoverInput): Promise<PlannedCutover> {
    const { policy } = await leadTimePolicy(ctx.em);
    return planCutover(ctx.em, this.calendar.current, policy, factsOf(input), this.clock.now());
  }

  /** Opens the cutover's ticket, for its most important customer, and starts its procedure; refused (nothing stored) when late. */
  async request(ctx: ServiceContext, input: CutoverInput): Promise<Cutover> {
    const plan = await this.plan(ctx, input);
    if (!plan.feasible) throw refusalOf(plan);
    const [lead] = plan.notices;
    const team = ctx.principal?.departmentCode;
    const facts: CutoverRequestFacts = {
      ...factsOf(input),
      circuitIds: [...input.circuitIds],
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
      networkTeam: team && NETWORK_TEAMS.includes(team) ? team : DEFAULT_NETWORK_TEAM,
    };
    const window = `${this.localTime(input.startsAt)} – ${this.localTime(input.endsAt)}`;
    // The ticket belongs to one customer and is read by it: it names no other customer, and no reason.
    const open = Object.assign(new OpenTicketInput(), {
      idempotencyKey: input.idempotencyKey,
      kind: TicketKind.CUTOVER_NOTICE,
      channel: TicketChannel.INTERNAL,
      title: `割接通告 ${input.kind}${plan.emergency ? ' (紧急)' : ''}: ${window}`.slice(0, TEXT_LIMITS.title),
      description: `Network ${input.kind.toLowerCase().replace('_', ' ')} in the window ${window} (China time).`,
      customerId: lead.customerId,
      circuitIds: lead.circuitIds,
      priority: plan.emergency ? TicketPriority.HIGH : TicketPriority.MEDIUM,
    });
    const ticket = await this.tickets.open(ctx, open, { facts: { ...facts } });
    const [cutover] = await selectRows(ctx.em, Cutover, 'ticket_id = ?', [ticket.id]);
    if (!cutover) throw new Error(`Ticket ${ticket.number} was opened without its cutover`);
    return cutover as Cutover;
  }

  async policy(ctx: ServiceContext): Promise<CutoverNoticePolicy> {
    return (await leadTimePolicy(ctx.em)).view;
  }

  async setPolicy(ctx: ServiceContext, input: SetCutoverNoticePolicyInput): Promise<CutoverNoticePolicy> {
    await setLeadTimePolicy(ctx, input, this.clock.now());
    return (await leadTimePolicy(ctx.em.fork())).view;
  }

  /** Notices as the caller may see them: a customer token only its own customer's, whatever the filter asks. */
  async notices(ctx: ServiceContext, filter: CutoverNoticeFilter | null | undefined, first: number): Promise<CutoverNoticeView[]> {
    if (first < 1 || first > 100) throw badInput('first', 'first is 1 to 100');
    const conditions: string[] = [];
    const params: unknown[] = [];
    const customerId = listCustomerScope(ctx.actor, filter?.customerId);
    if (customerId) {
      conditions.push('customer_id = ?');
      params.push(customerId);
    }
    if (filter?.ticketId) {
      conditions.push('cutover_id = (select id from cutover where ticket_id = ?)');
      params.push(filter.ticketId);
    }
    if (filter?.statuses?.length) {
      conditions.push('status = any(?::text[])');
      params.push(`{${filter.statuses.join(',')}}`);
    }
    const rows = await selectRows(
      ctx.em,
      CutoverNoticeRecord,
      conditions.length ? conditions.join(' and ') : 'true',
      params,
      'notify_by desc, id',
      first,
    );
    return rows.map(noticeView);
  }

  private localTime(at: Date): string {
    return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  }
}
