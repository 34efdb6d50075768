import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { Circuit } from '../../modules/circuits/circuit.entity';
import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';
import { Department } from '../../modules/org/department.entity';

/**
 * 交维: once approved, each circuit of the acceptance is recorded as maintained by the maintaining
 * unit (no maintenance vacuum), each change in the circuit's history. Answers the circuit codes.
 */
export async function handOverCircuits(
  em: EntityManager,
  at: { ticketId: string; ticketNumber: string; departmentId: string; now: Date },
): Promise<string[]> {
  const rows = await execSql<{ circuit_id: string }>(em, 'select circuit_id from ticket_circuit where ticket_id = ?', [at.ticketId]);
  if (rows.length === 0) return [];
  const department = await em.findOneOrFail(Department, { id: at.departmentId });
  const circuits = await em.find(Circuit, { id: { $in: rows.map((r) => r.circuit_id) } }, { orderBy: { code: 'asc' } });
  for (const circuit of circuits) {
    const from = circuit.maintainingDepartment?.id ?? null;
    if (from === department.id) continue;
    circuit.maintainingDepartment = ref(department);
    circuit.updatedAt = at.now;
    recordHistory(em, null, {
      subjectType: SubjectType.CIRCUIT,
      subjectId: circuit.id,
      action: HistoryAction.UPDATED,
      at: at.now,
      changes: [{ field: 'maintainingDepartment', from, to: department.id }],
      note: `交维: maintained by ${department.code} from handover acceptance ${at.ticketNumber}`,
    });
  }
  await em.flush();
  return circuits.map((circuit) => circuit.code);
}
