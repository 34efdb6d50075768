import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Circuit } from '../../modules/circuits/circuit.entity';
import { CircuitStatus } from '../../modules/circuits/circuit.enums';
import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';
import { CutoverCircuit } from './cutover-circuit.entity';

/** The cutover's circuits with their rows, locked for the step that changes their status. */
async function windowCircuits(em: EntityManager, cutoverId: string): Promise<{ row: CutoverCircuit; circuit: Circuit }[]> {
  const rows = await em.find(CutoverCircuit, { cutoverId });
  const circuits = await em.find(
    Circuit,
    { id: { $in: rows.map((row) => row.circuit.id) } },
    { orderBy: { code: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  return circuits.map((circuit) => ({ row: rows.find((row) => row.circuit.id === circuit.id) as CutoverCircuit, circuit }));
}

function changeStatus(em: EntityManager, circuit: Circuit, to: CircuitStatus, at: Date, note: string): void {
  const from = circuit.status;
  circuit.status = to;
  circuit.updatedAt = at;
  recordHistory(em, null, {
    subjectType: SubjectType.CIRCUIT,
    subjectId: circuit.id,
    action: HistoryAction.UPDATED,
    at,
    changes: [{ field: 'status', from, to }],
    note,
  });
}

/**
 * The window opens: each affected circuit shows it is under cutover, recorded in its history with
 * the status it had, which the window's close gives back. A circuit already under another
 * cutover is left to that one. Answers the codes it changed.
 */
export async function openWindow(em: EntityManager, at: { cutoverId: string; ticketNumber: string; now: Date }): Promise<string[]> {
  const changed: string[] = [];
  for (const { row, circuit } of await windowCircuits(em, at.cutoverId)) {
    if (row.underCutoverAt) continue;
    row.underCutoverAt = at.now;
    if (circuit.status === CircuitStatus.underCutover) continue;
    row.statusBefore = circuit.status;
    changeStatus(em, circuit, CircuitStatus.underCutover, at.now, `割接 ${at.ticketNumber}: under cutover in its window`);
    changed.push(circuit.code);
  }
  await em.flush();
  return changed;
}

/** The window closes: each circuit this cutover put under cutover gets its status back, recorded. */
export async function closeWindow(em: EntityManager, at: { cutoverId: string; ticketNumber: string; now: Date }): Promise<string[]> {
  const restored: string[] = [];
  for (const { row, circuit } of await windowCircuits(em, at.cutoverId)) {
    if (row.restoredAt || !row.statusBefore) continue;
    row.restoredAt = at.now;
    // Someone changed it meanwhile (terminated it, say): that is its status now, not ours to undo.
    if (circuit.status !== CircuitStatus.underCutover) continue;
    changeStatus(em, circuit, row.statusBefore as CircuitStatus, at.now, `割接 ${at.ticketNumber}: window closed, service back`);
    restored.push(circuit.code);
  }
  await em.flush();
  return restored;
}
