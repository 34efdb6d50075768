import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { UnitOfWork } from '../../db/unit-of-work';
import { Circuit } from '../../modules/circuits/circuit.entity';
import { Customer } from '../../modules/customers/customer.entity';
import { actingUser } from '../../modules/history/history.service';
import { User } from '../../modules/org/user.entity';
import { SlaClockKind } from '../../modules/sla/sla.enums';
import { SlaClock } from '../../modules/sla/sla-clock.entity';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import type { TicketOpening } from '../../modules/tickets/ticket-procedures';
import { badInput } from '../../shared/domain-error';
import type { ServiceContext } from '../../shared/service-context';
import { Cutover } from './cutover.entity';
import { CutoverKind, CutoverNoticeStatus, CutoverStatus } from './cutover.enums';
import type { CutoverRequestFacts, CutoverService } from './cutover.service';
import { refusalOf } from './cutover.service';
import { CutoverCircuit } from './cutover-circuit.entity';
import { CutoverNoticeRecord } from './cutover-notice.entity';
import { leadTimePolicy } from './cutover-policy';
import type { PlannedNotice } from './plan-cutover';
import { planCutover } from './plan-cutover';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request requestCutover passed; a CUTOVER_NOTICE opened any other way has none and is refused. */
function requestOf(facts: TicketOpening['facts']): CutoverRequestFacts {
  const told = isRecord(facts) ? facts : null;
  const kind = told?.kind;
  if (
    !told ||
    !Array.isArray(told.circuitIds) ||
    typeof told.startsAt !== 'string' ||
    typeof told.endsAt !== 'string' ||
    typeof kind !== 'string' ||
    !Object.values(CutoverKind).includes(kind as CutoverKind)
  ) {
    throw badInput(
      'kind',
      'A cutover notice is requested with requestCutover (its circuits, window and kind), not opened as a plain ticket',
    );
  }
  return told as unknown as CutoverRequestFacts;
}

/**
 * The cutover's intake, in its ticket's transaction: planned again on the policy in force and
 * refused when late (so nothing is stored), then kept beside the ticket with one notice per
 * customer and one row per circuit. The ticket is done when the service is verified, a working
 * day after the window closes: its resolution and report deadlines say so.
 */
export const cutoverIntake =
  (service: CutoverService) =>
  async (uow: UnitOfWork, ctx: ServiceContext, ticket: Ticket, _input: unknown, facts: TicketOpening['facts']) => {
    const request = requestOf(facts);
    const { em } = uow;
    const now = service.clock.now();
    const { policy } = await leadTimePolicy(em);
    const startsAt = new Date(request.startsAt);
    const endsAt = new Date(request.endsAt);
    const plan = await planCutover(
      em,
      service.calendar.current,
      policy,
      { ...request, startsAt, endsAt, reason: request.reason ?? null },
      now,
    );
    if (!plan.feasible) throw refusalOf(plan);
    const requester = await actingUser(em, ctx.actor);
    const cutover = em.create(Cutover, {
      ticketId: ticket.id,
      kind: request.kind,
      startsAt,
      endsAt,
      emergency: request.emergency,
      reason: request.reason,
      needsApproval: plan.needsApproval,
      status: plan.needsApproval ? CutoverStatus.AWAITING_APPROVAL : CutoverStatus.NOTIFYING,
      networkTeam: request.networkTeam,
      requestedAt: now,
      requestedBy: requester ? ref(requester) : null,
    });
    for (const notice of plan.notices) storeNotice(em, cutover.id, notice, now);
    const due = service.calendar.addWorkingDays(endsAt, 1);
    await verifiedBy(em, service, ticket, due);
    return {
      cutoverId: cutover.id,
      needsApproval: plan.needsApproval,
      emergency: request.emergency,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      networkTeam: request.networkTeam,
      resolutionDueAt: due.toISOString(),
    };
  };

function storeNotice(em: EntityManager, cutoverId: string, notice: PlannedNotice, now: Date): void {
  em.create(CutoverNoticeRecord, {
    cutoverId,
    customer: em.getReference(Customer, notice.customerId),
    accountManager: notice.accountManagerId ? em.getReference(User, notice.accountManagerId) : null,
    serviceLevel: notice.serviceLevel,
    crossRegion: notice.crossRegion,
    circuitIds: notice.circuitIds,
    leadWorkingDays: notice.leadTime.workingDays,
    leadHours: notice.leadTime.hours,
    notifyBy: notice.notifyBy,
    notifyDueAt: notice.notifyDueAt,
    remindAt: notice.remindAt,
    round: 1,
    status: CutoverNoticeStatus.PENDING,
    updatedAt: now,
  });
  for (const circuitId of notice.circuitIds) {
    em.create(CutoverCircuit, { cutoverId, circuit: em.getReference(Circuit, circuitId), customerId: notice.customerId });
  }
}

/**
 * The ticket's work ends when service is verified after the window, not a fixed span after it
 * was opened: its resolution and report deadlines (and their clocks) move there.
 */
export async function verifiedBy(em: EntityManager, service: CutoverService, ticket: Ticket, due: Date): Promise<void> {
  ticket.resolutionDueAt = due;
  if (ticket.reportDueAt) ticket.reportDueAt = due;
  await em.flush();
  for (const kind of [SlaClockKind.RESOLUTION, SlaClockKind.REPORT]) {
    if (await em.count(SlaClock, { ticketId: ticket.id, kind })) await service.sla.extend(em, ticket.id, kind, due);
  }
}
