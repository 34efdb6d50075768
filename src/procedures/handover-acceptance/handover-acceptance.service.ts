import { execSql } from '../../db/plain-rows';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketChannel, TicketKind } from '../../modules/tickets/ticket.enums';
import type { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import type { TicketService } from '../../modules/tickets/ticket.service';
import type { ServiceContext } from '../../shared/service-context';
import type { HandoverAcceptanceInput } from './handover-acceptance.inputs';
import type { HandoverFacts } from './handover-intake';

/** Network construction owns a handover acceptance: it organizes it and confirms the results (V4.4, 4.2). */
export const CONSTRUCTION_DEPARTMENT = 'CONS';

/** Requests a handover acceptance: a HANDOVER_ACCEPTANCE ticket whose intake keeps the works and contractor. */
export class HandoverAcceptanceService {
  constructor(private readonly tickets: TicketService) {}

  async request(ctx: ServiceContext, input: HandoverAcceptanceInput): Promise<Ticket> {
    const [owner] = await execSql<{ id: string }>(ctx.em, 'select id from department where code = ?', [CONSTRUCTION_DEPARTMENT]);
    const open: OpenTicketInput = {
      idempotencyKey: input.idempotencyKey,
      kind: TicketKind.HANDOVER_ACCEPTANCE,
      channel: TicketChannel.INTERNAL,
      title: input.title,
      description: input.description ?? '',
      customerId: input.customerId,
      circuitIds: input.circuitIds ?? [],
      priority: input.priority,
      ownerDepartmentId: owner?.id,
    };
    const facts: HandoverFacts = {
      works: (input.works ?? []).map((work) => ({ kind: work.kind, description: work.description })),
      contractorDepartmentId: input.contractorDepartmentId ?? null,
      contractorUserId: input.contractorUserId ?? null,
      maintainingDepartmentId: input.maintainingDepartmentId ?? null,
    };
    return this.tickets.open(ctx, open, { facts: { ...facts } });
  }
}
