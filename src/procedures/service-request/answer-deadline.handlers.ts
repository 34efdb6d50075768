import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { SlaClockKind } from '../../modules/sla/sla.enums';
import { SlaClock } from '../../modules/sla/sla-clock.entity';
import type { Clock } from '../../shared/clock';
import type { ServiceRequestService } from './service-request.service';

/** After confirmation: the answer deadline as the center judged the question (24 h, or 48 h when complex). */
export const setAnswerDeadline =
  (service: ServiceRequestService): ServiceHandler =>
  async (call) => {
    if (call.ticketId) await service.judged(call.em, call.events, call.ticketId, call.variables.complex === true);
    return undefined;
  };

/**
 * Before the answer deadline: the answering department is reminded, in the ticket's history, in
 * the step's transaction (a retried step rolls the first try back, so it is recorded once).
 */
export const remindAnswer =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    if (!call.ticketId) return undefined;
    const deadline = await call.em.findOne(SlaClock, { ticketId: call.ticketId, kind: SlaClockKind.RESOLUTION });
    const department = typeof call.variables.maintainer === 'string' ? call.variables.maintainer : 'the answering department';
    recordHistory(call.em, null, {
      subjectType: SubjectType.TICKET,
      subjectId: call.ticketId,
      action: HistoryAction.NOTE_ADDED,
      at: clock.now(),
      note: `提醒: ${department} reminded, the answer is due at ${deadline?.dueAt.toISOString() ?? 'its deadline'}`,
    });
    await call.em.flush();
    return undefined;
  };
