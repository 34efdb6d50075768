import { execSql } from '../../db/plain-rows';
import { notifyCircuitCustomers } from '../../modules/notifications/notify-customers';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';
import { noteOnTicket } from '../shared/ticket-note';
import { affectedCircuitCodes } from './affected-circuits.util';

/**
 * An important emergency: every customer whose circuits it affects is told the fault and the
 * expected recovery, one notification per customer listing its circuits, in the step's
 * transaction. Safe to run twice: a customer told already is not told again, and only those told
 * now are noted in the ticket's history.
 */
export const notifyAffectedCustomers =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    if (!call.ticketId) return { notifiedCustomers: [] };
    const now = clock.now();
    const codes = await affectedCircuitCodes(call.em, call.ticketId, call.variables.affectedCircuits);
    const [ticket] = await execSql<{ title: string }>(call.em, 'select title from ticket where id = ?', [call.ticketId]);
    const fault =
      typeof call.variables.fault === 'string' && call.variables.fault.trim() ? call.variables.fault.trim() : (ticket?.title ?? '');
    const recovery = typeof call.variables.expectedRecoveryAt === 'string' ? new Date(call.variables.expectedRecoveryAt) : null;
    const told = await notifyCircuitCustomers(call.em, {
      ticketId: call.ticketId,
      circuitCodes: codes,
      fault,
      expectedRecoveryAt: recovery && !Number.isNaN(recovery.getTime()) ? recovery : null,
      at: now,
    });
    if (told.length > 0) {
      const who = told.map((customer) => `${customer.customerCode} (${customer.circuitCodes.join(', ')})`).join('; ');
      await noteOnTicket(call.em, call.ticketId, now, `应急通知: ${told.length} customer(s) told the fault and expected recovery: ${who}`);
    }
    const earlier = Array.isArray(call.variables.notifiedCustomers) ? (call.variables.notifiedCustomers as string[]) : [];
    return { notifiedCustomers: [...new Set([...earlier, ...told.map((customer) => customer.customerCode)])] };
  };
