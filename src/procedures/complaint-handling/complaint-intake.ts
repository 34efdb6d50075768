import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import type { UnitOfWork } from '../../db/unit-of-work';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketSeverity } from '../../modules/tickets/ticket.enums';
import type { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import { openStatuses } from '../../modules/tickets/ticket-status';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import { ComplaintFacts } from './complaint-facts.entity';
import { gradeComplaint, matterKeyOf, SAME_MATTER_MAJOR, SAME_MATTER_WINDOW_DAYS } from './grade-complaint.util';

/** How a procedure sets a ticket's severity: deadlines follow and the change is recorded (TicketService.regrade). */
export type Regrade = (uow: UnitOfWork, ticket: Ticket, severity: TicketSeverity, reason: string) => Promise<void>;

const DAY_MS = 24 * 3600_000;
const FACTS = 'complaint { matter, affectedSites, safetyRisk, publicExposureRisk, massIncident }';

/**
 * A complaint's intake, in the ticket's transaction: its facts are kept, its severity graded by
 * them and by the complaints on the same matter within 30 days; when this one makes the matter
 * major, the matter's other open complaints become major too.
 */
export const complaintIntake =
  (clock: Clock, regrade: Regrade) =>
  async (uow: UnitOfWork, ticket: Ticket, input: OpenTicketInput): Promise<void> => {
    const told = input.complaint;
    if (!told) throw badInput('complaint', `A complaint is graded by its facts: give ${FACTS}`);
    const matterKey = matterKeyOf(told.matter);
    if (!matterKey) throw badInput('complaint.matter', 'Say what the complaint is about: complaints on one matter are counted together');
    const now = clock.now();
    const since = new Date(now.getTime() - SAME_MATTER_WINDOW_DAYS * DAY_MS);
    // Two intakes on one matter at once must not both count nine and neither make it major.
    await execSql(uow.em, 'select pg_advisory_xact_lock(hashtext(?))', [`complaint-matter:${matterKey}`]);
    const [counted] = await execSql<{ n: number }>(
      uow.em,
      'select count(*)::int as n from complaint_facts where matter_key = ? and opened_at > ?',
      [matterKey, since],
    );
    const sameMatterCount = (counted?.n ?? 0) + 1;
    const grade = gradeComplaint({ ...told, sameMatterCount });
    uow.em.create(ComplaintFacts, {
      ticketId: ticket.id,
      matter: told.matter.trim(),
      matterKey,
      affectedSites: told.affectedSites,
      safetyRisk: told.safetyRisk,
      publicExposureRisk: told.publicExposureRisk,
      massIncident: told.massIncident,
      sameMatterCount,
      gradeReasons: grade.reasons,
      openedAt: now,
    });
    // The ticket is announced as opened with this grade: an UPDATED event of its own would come first.
    const why = grade.reasons.length ? grade.reasons.join(', ') : 'single customer, low risk';
    await regrade(uow, ticket, grade.severity, `graded ${grade.severity} at intake: ${why}`);
    await uow.em.flush();
    if (sameMatterCount >= SAME_MATTER_MAJOR) await escalateMatter(uow, regrade, { matterKey, since, ticket, sameMatterCount });
  };

/** The matter's other open, ordinary complaints within the window become major, each recorded. */
async function escalateMatter(
  uow: UnitOfWork,
  regrade: Regrade,
  at: { matterKey: string; since: Date; ticket: Ticket; sameMatterCount: number },
): Promise<void> {
  const others = await openOrdinaryOnMatter(uow.em, at.matterKey, at.since, at.ticket.id);
  for (const other of others) {
    const reason = `escalated to MAJOR: ${at.sameMatterCount} complaints on this matter within ${SAME_MATTER_WINDOW_DAYS} days (${at.ticket.number})`;
    await regrade(uow, other, TicketSeverity.MAJOR, reason);
  }
}

async function openOrdinaryOnMatter(em: EntityManager, matterKey: string, since: Date, except: string): Promise<Ticket[]> {
  const rows = await execSql<{ id: string }>(
    em,
    `select t.id from ticket t join complaint_facts f on f.ticket_id = t.id
      where f.matter_key = ? and f.opened_at > ? and t.id <> ? and t.status = any(?::text[])
        and (t.severity is null or t.severity = ?) order by t.created_at for update of t`,
    [matterKey, since, except, `{${openStatuses.join(',')}}`, TicketSeverity.ORDINARY],
  );
  return rows.length ? em.find(Ticket, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { createdAt: 'asc' } }) : [];
}
