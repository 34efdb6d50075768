import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';
import { perClock } from '../shared/per-clock';
import { noteOnTicket } from '../shared/ticket-note';

/** 回访: the satisfaction the customer gave goes into the ticket's history, where the quarter's measures read it. */
export const recordCallback = perClock(
  (clock: Clock): ServiceHandler =>
    async (call) => {
      const satisfaction = typeof call.variables.satisfaction === 'string' ? call.variables.satisfaction : 'not given';
      const remark =
        typeof call.variables.callbackRemark === 'string' && call.variables.callbackRemark ? `: ${call.variables.callbackRemark}` : '';
      if (call.ticketId) await noteOnTicket(call.em, call.ticketId, clock.now(), `回访: satisfaction ${satisfaction}${remark}`);
      return undefined;
    },
);
