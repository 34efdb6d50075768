import { execSql } from '../../db/plain-rows';
import { Circuit } from '../../modules/circuits/circuit.entity';
import type { CircuitStatus } from '../../modules/circuits/circuit.enums';
import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';
import { ProvisioningCircuit } from './provisioning-circuit.entity';
import { ProvisioningOrder } from './provisioning-order.entity';

/** When a move is the circuit's activation or termination, the order's row keeps the moment. */
type Stamp = 'activatedAt' | 'terminatedAt';

/**
 * The order's circuits move to `to` as the order moves on (reserved, provisioning, active; or
 * inactive, terminated for a closure), in the step's transaction, each move in the circuit's own
 * history naming the order. A circuit already there is left alone, so a retried step moves nothing twice.
 */
export const moveCircuits =
  (clock: Clock, to: CircuitStatus, what: string, stamp?: Stamp): ServiceHandler =>
  async (call) => {
    if (!call.ticketId) return undefined;
    const { em } = call;
    const order = await em.findOneOrFail(ProvisioningOrder, { ticketId: call.ticketId });
    const rows = await em.find(ProvisioningCircuit, { orderId: order.id });
    const circuits = await em.find(Circuit, { id: { $in: rows.map((row) => row.circuitId) } }, { orderBy: { code: 'asc' } });
    const [ticket] = await execSql<{ number: string }>(em, 'select number from ticket where id = ?', [call.ticketId]);
    const now = clock.now();
    for (const circuit of circuits) {
      if (circuit.status !== to) {
        const from = circuit.status;
        circuit.status = to;
        circuit.updatedAt = now;
        recordHistory(em, null, {
          subjectType: SubjectType.CIRCUIT,
          subjectId: circuit.id,
          action: HistoryAction.UPDATED,
          at: now,
          changes: [{ field: 'status', from, to }],
          note: `${ticket?.number ?? 'order'}: ${what}`,
        });
      }
      const row = rows.find((r) => r.circuitId === circuit.id);
      if (row && stamp && !row[stamp]) row[stamp] = now;
    }
    await em.flush();
    return undefined;
  };
