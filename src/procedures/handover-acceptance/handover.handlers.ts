import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import type { ServiceCall, ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';
import { noteOnTicket } from '../shared/ticket-note';
import { handOverCircuits } from './hand-over-circuits';
import { HandoverAcceptance } from './handover-acceptance.entity';
import { HandoverTest } from './handover-test.entity';
import { defectsOf, roundResults } from './round-checks';

/** An attachments form field's answer: the attachment ids (the form checked the shape; the attachments module, each id). */
export function documentIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && id.trim() !== '') : [];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

async function acceptanceOf(call: ServiceCall): Promise<HandoverAcceptance | null> {
  return call.ticketId ? call.em.findOne(HandoverAcceptance, { ticketId: call.ticketId }) : null;
}

async function ticketNumberOf(em: EntityManager, ticketId: string): Promise<string> {
  const [row] = await execSql<{ number: string }>(em, 'select number from ticket where id = ?', [ticketId]);
  return row?.number ?? ticketId;
}

/** The contractor's application: its documents are kept with the acceptance. */
export const handoverApplication =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const acceptance = await acceptanceOf(call);
    if (!acceptance || !call.ticketId) return undefined;
    const v = call.variables;
    acceptance.documents = {
      signOff: documentIds(v.signOff),
      completionPlan: documentIds(v.completionPlan),
      asBuiltDrawings: documentIds(v.asBuiltDrawings),
    };
    acceptance.submittedAt = clock.now();
    await call.em.flush();
    await noteOnTicket(
      call.em,
      call.ticketId,
      clock.now(),
      '交维验收申请: the contractor submitted the application (sign-off, completion plan, as-built drawings)',
    );
    return undefined;
  };

/**
 * After the support office's on-site tests and both maintenance units' line tests: the round's
 * checks are recorded, and any failure sends the works back to the contractor with its defects.
 */
export const handoverRound =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const acceptance = await acceptanceOf(call);
    if (!acceptance || !call.ticketId) return { defectsFound: false };
    const now = clock.now();
    const round = acceptance.reworkRounds + 1;
    const results = roundResults(call.variables);
    for (const result of results) call.em.create(HandoverTest, { acceptanceId: acceptance.id, round, ...result, recordedAt: now });
    const defects = defectsOf(results);
    acceptance.defects = defects;
    await call.em.flush();
    const summary = defects.length
      ? `${defects.length} of ${results.length} checks failed, back to the contractor: ${defects.join('; ')}`
      : 'every check passed';
    await noteOnTicket(call.em, call.ticketId, now, `交维验收 round ${round}: ${summary}`);
    return { defectsFound: defects.length > 0 };
  };

/** Which review sent the works back, by the service task after it, and the form field it explained itself in. */
const RETURNED_BY: Readonly<Record<string, { who: string; remarkField: string }>> = {
  returnedByConstruction: { who: '集家客网络建设室 (CONS) did not confirm the results', remarkField: 'confirmRemark' },
  returnedBySupport: { who: '服务支撑室 (KX) did not approve', remarkField: 'approvalRemark' },
};

/** Construction's confirmation or the final approval sent the works back: its reason is the defect. */
export const handoverReturned =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const acceptance = await acceptanceOf(call);
    const by = RETURNED_BY[call.elementId] ?? { who: 'a review sent it back', remarkField: '' };
    if (!acceptance || !call.ticketId) return undefined;
    const defect = `${by.who}: ${text(call.variables[by.remarkField]) || 'no reason given'}`;
    acceptance.defects = [defect];
    await call.em.flush();
    await noteOnTicket(call.em, call.ticketId, clock.now(), `交维验收: back to the contractor, ${defect}`);
    return undefined;
  };

/**
 * A round starts (on-site acceptance again after a rework, 整改): when the works were sent back, the
 * rework the contractor just reported is counted with what it fixed and its revised documents.
 * Those answers are cleared from the instance, so a later rework without documents claims none.
 */
export const handoverRoundStart =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const acceptance = await acceptanceOf(call);
    if (!acceptance || !call.ticketId || acceptance.defects.length === 0) return undefined;
    const now = clock.now();
    const round = acceptance.reworkRounds + 1;
    const note = text(call.variables.reworkNote);
    acceptance.reworks = [
      ...acceptance.reworks,
      { round, defects: acceptance.defects, note, documents: documentIds(call.variables.revisedDocuments), at: now },
    ];
    acceptance.reworkRounds = round;
    acceptance.defects = [];
    await call.em.flush();
    await noteOnTicket(call.em, call.ticketId, now, `整改 round ${round}: ${note}; on-site acceptance again`);
    return { reworkRounds: round, reworkNote: null, revisedDocuments: [] };
  };

/** The support office's final approval: the circuits are handed over to their maintaining unit. */
export const handoverApproved =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const acceptance = await acceptanceOf(call);
    if (!acceptance || !call.ticketId) return undefined;
    const now = clock.now();
    acceptance.approvedAt = now;
    await call.em.flush();
    const ticketNumber = await ticketNumberOf(call.em, call.ticketId);
    const departmentId = acceptance.maintainingDepartment.id;
    const codes = await handOverCircuits(call.em, { ticketId: call.ticketId, ticketNumber, departmentId, now });
    const [department] = await execSql<{ code: string }>(call.em, 'select code from department where id = ?', [departmentId]);
    const circuits = codes.length ? `circuits ${codes.join(', ')}` : 'no circuits';
    await noteOnTicket(
      call.em,
      call.ticketId,
      now,
      `交维验收通过: approved by the support office; ${circuits} maintained by ${department?.code}`,
    );
    return undefined;
  };
