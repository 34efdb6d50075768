import { execSql } from '../../db/plain-rows';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { ReportKind } from '../../modules/tickets/ticket.enums';
import { systemActor } from '../../shared/service-context';
import { circuitCodesIn } from '../emergency-response/affected-circuits.util';
import { AlarmSeverity } from '../fault-handling/alarm.types';
import { CutoverStatus } from './cutover.enums';
import { cutoverOf } from './cutover.handlers';
import type { CutoverService } from './cutover.service';
import { setCutover } from './cutover-rows';

/**
 * 割接后业务验证: the network team's checklist is recorded per circuit and filed as the cutover's
 * test report; each circuit whose service failed gets a fault ticket, opened as an OSS alarm
 * opens one (or added to the fault already open on it), once per cutover and circuit.
 */
export const recordVerification =
  (service: CutoverService): ServiceHandler =>
  async (call) => {
    const cutover = await cutoverOf(call);
    const now = service.clock.now();
    const failed = new Set(circuitCodesIn(call.variables.failedCircuits));
    const note = typeof call.variables.note === 'string' ? call.variables.note.trim() : '';
    const number = typeof call.variables.ticketNumber === 'string' ? call.variables.ticketNumber : cutover.ticketId;
    const circuits = await execSql<{ id: string; circuit_id: string; code: string }>(
      call.em,
      'select cc.id, cc.circuit_id, c.code from cutover_circuit cc join circuit c on c.id = cc.circuit_id where cc.cutover_id = ? order by c.code',
      [cutover.id],
    );
    const faults: string[] = [];
    const inner = { em: call.em, actor: systemActor };
    for (const circuit of circuits) {
      let faultTicketId: string | null = null;
      if (failed.has(circuit.code)) {
        const outcome = await service.alarms.raise(inner, {
          circuitCode: circuit.code,
          alarmId: `cutover-verification:${cutover.id}:${circuit.code}`,
          severity: AlarmSeverity.MAJOR,
          description: `割接 ${number} 后业务验证失败 (${cutover.kind})${note ? `: ${note}` : ''}`.slice(0, 1000),
        });
        faultTicketId = outcome.ticket.id;
        faults.push(`${circuit.code}: ${outcome.ticket.number}`);
      }
      await execSql(call.em, 'update cutover_circuit set verified = ?, fault_ticket_id = ? where id = ?', [
        !failed.has(circuit.code),
        faultTicketId,
        circuit.id,
      ]);
    }
    await setCutover(call.em, cutover.id, { verifiedAt: now, status: CutoverStatus.COMPLETED });
    if (call.ticketId) {
      const content = [
        `${circuits.length - failed.size} of ${circuits.length} circuit(s) verified in service after the window.`,
        faults.length ? `Failed, fault opened: ${faults.join('; ')}.` : 'No circuit failed.',
        note,
      ]
        .filter(Boolean)
        .join('\n');
      await service.tickets.submitReport(inner, {
        ticketId: call.ticketId,
        kind: ReportKind.TEST,
        title: `割接后业务验证 ${number}`,
        content,
      });
    }
    return { faultTickets: faults };
  };
