import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import { badInput } from '../../shared/domain-error';
import type { OrderFacts } from './provisioning-facts';
import { ProvisioningProject } from './provisioning-project.entity';

/** Ticket statuses of an order that ended without completing. */
export const ENDED_STATUSES = '{closed,cancelled,rejected}';

/**
 * The project of the order's contract, opened by its first order. Two first orders of one
 * contract at once would both open one: the contract's advisory lock makes the second wait and find it.
 */
export async function joinProject(em: EntityManager, facts: OrderFacts, ticket: Ticket, now: Date): Promise<ProvisioningProject> {
  const contractNumber = facts.contractNumber ?? '';
  await execSql(em, 'select pg_advisory_xact_lock(hashtext(?))', [`provisioning-project:${contractNumber}`]);
  const project = await em.findOne(ProvisioningProject, { contractNumber });
  if (project?.archivedAt) {
    throw badInput(
      'contractNumber',
      `The project of contract ${contractNumber} ended: its documents were archived at ${project.archivedAt.toISOString()}`,
    );
  }
  if (project && project.customerId !== ticket.customer.id) {
    throw badInput('contractNumber', `Contract ${contractNumber} is another customer's project`);
  }
  return (
    project ??
    em.create(ProvisioningProject, {
      contractNumber,
      name: facts.projectName ?? contractNumber,
      customerId: ticket.customer.id,
      openedAt: now,
    })
  );
}

/**
 * Whether the order is the last of its project to end, with the project locked: two orders ending
 * at once must not both think the other still runs (the second waits, then sees the first ended).
 */
export async function isLastOfProject(em: EntityManager, projectId: string, orderId: string): Promise<boolean> {
  const project = await em.findOne(ProvisioningProject, { id: projectId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!project || project.archivedAt) return false;
  const [open] = await execSql<{ n: number }>(
    em,
    `select count(*)::int as n from provisioning_order o join ticket t on t.id = o.ticket_id
      where o.project_id = ? and o.id <> ? and o.completed_at is null and t.status <> all(?::text[])`,
    [projectId, orderId, ENDED_STATUSES],
  );
  return (open?.n ?? 0) === 0;
}
