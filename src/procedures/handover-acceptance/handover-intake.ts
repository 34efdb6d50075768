import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../db/find-by-id';
import type { UnitOfWork } from '../../db/unit-of-work';
import { Department } from '../../modules/org/department.entity';
import { requireDepartment } from '../../modules/org/org.service';
import { Role } from '../../modules/org/role.enum';
import { User } from '../../modules/org/user.entity';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import type { TicketOpening } from '../../modules/tickets/ticket-procedures';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import { hasNulCharacter, TEXT_LIMITS } from '../../shared/input-checks';
import { HandoverAcceptance } from './handover-acceptance.entity';
import { HandoverWorkKind } from './handover-acceptance.enums';
import type { HandoverWork } from './handover-acceptance.types';

/** The department contractors sit in unless the request names another (施工单位). */
export const CONTRACTOR_DEPARTMENT = 'CONTRACTOR';
/** Who maintains accepted circuits unless the request names another: the unit that confirms the assets (V4.4, 4.5). */
export const DEFAULT_MAINTAINER = 'REGION';
export const MAX_WORKS = 50;

/** What requestHandoverAcceptance passes to intake beside the ticket (TicketOpening.facts), JSON only. */
export interface HandoverFacts {
  works: HandoverWork[];
  contractorDepartmentId?: string | null;
  contractorUserId?: string | null;
  maintainingDepartmentId?: string | null;
}

const REQUEST = 'requestHandoverAcceptance(input: HandoverAcceptanceInput!)';
const kinds = new Set<string>(Object.values(HandoverWorkKind));

/**
 * Reads the facts as given: they are opaque on their way through the ticket service, so any
 * caller (a request mutation, a calling procedure) is checked here, each problem naming its field.
 */
export function readHandoverFacts(facts: TicketOpening['facts']): HandoverFacts {
  if (!facts) {
    throw badInput(
      'kind',
      `A HANDOVER_ACCEPTANCE ticket is opened with ${REQUEST}: it carries the works, the contractor and the maintaining unit`,
    );
  }
  const works = facts.works;
  if (!Array.isArray(works) || works.length === 0)
    throw badInput('works', 'Name the works to accept: ducts, fiber, transmission or integration equipment');
  if (works.length > MAX_WORKS) throw badInput('works', `One acceptance covers at most ${MAX_WORKS} works`);
  const read = works.map((work: unknown, i): HandoverWork => {
    const { kind, description } = (work ?? {}) as { kind?: unknown; description?: unknown };
    if (typeof kind !== 'string' || !kinds.has(kind)) throw badInput(`works.${i}.kind`, `kind must be one of ${[...kinds].join(', ')}`);
    const text = typeof description === 'string' ? description.trim() : '';
    if (!text) throw badInput(`works.${i}.description`, 'Say what and where the work is: maintenance takes it over by this');
    if (text.length > TEXT_LIMITS.title || hasNulCharacter(text)) {
      throw badInput(`works.${i}.description`, `description is at most ${TEXT_LIMITS.title} characters of text`);
    }
    return { kind: kind as HandoverWorkKind, description: text };
  });
  return {
    works: read,
    contractorDepartmentId: optionalId(facts, 'contractorDepartmentId'),
    contractorUserId: optionalId(facts, 'contractorUserId'),
    maintainingDepartmentId: optionalId(facts, 'maintainingDepartmentId'),
  };
}

function optionalId(facts: Readonly<Record<string, unknown>>, field: keyof HandoverFacts): string | null {
  const value = facts[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isUuid(value)) throw badInput(field, `${field} must be an id (UUID)`);
  return value;
}

/** The start variables the diagram offers the contractor's tasks by. */
export interface HandoverStartVariables extends Record<string, unknown> {
  /** department code: the application and rework are offered to contractors of this department */
  contractorDepartment: string;
  /** a named contractor: its tasks are given to it (procedure `assignTo`) */
  contractorUserId: string | null;
  reworkRounds: number;
}

/**
 * The handover acceptance's intake, in the ticket's transaction: the facts are checked and kept
 * beside the ticket. Anything refused refuses the ticket too, so nothing is stored.
 */
export const handoverIntake =
  (clock: Clock) =>
  async (uow: UnitOfWork, ticket: Ticket, given: TicketOpening['facts']): Promise<HandoverStartVariables> => {
    const facts = readHandoverFacts(given);
    const { em } = uow;
    const contractor = await contractorOf(em, facts);
    const maintainer = facts.maintainingDepartmentId
      ? await requireDepartment(em, facts.maintainingDepartmentId, 'maintainingDepartmentId')
      : await em.findOneOrFail(Department, { code: DEFAULT_MAINTAINER });
    // No maintenance vacuum: the contractor hands the works over; one of the operator's units takes them.
    if (maintainer.id === contractor.department.id || maintainer.code === CONTRACTOR_DEPARTMENT) {
      throw badInput(
        'maintainingDepartmentId',
        `${maintainer.code} carries out the works: a maintaining unit of the operator takes them over`,
      );
    }
    em.create(HandoverAcceptance, {
      ticketId: ticket.id,
      works: facts.works,
      contractorDepartment: ref(contractor.department),
      contractorUser: contractor.user ? ref(contractor.user) : null,
      maintainingDepartment: ref(maintainer),
      requestedAt: clock.now(),
    });
    await em.flush();
    return { contractorDepartment: contractor.department.code, contractorUserId: contractor.user?.id ?? null, reworkRounds: 0 };
  };

/** The contractor the tasks go to: a named contractor (in its department), a department, or the contractors' department. */
async function contractorOf(em: EntityManager, facts: HandoverFacts): Promise<{ department: Department; user: User | null }> {
  let user: User | null = null;
  if (facts.contractorUserId) {
    user = await em.findOne(User, { id: facts.contractorUserId, active: true });
    if (!user) throw badInput('contractorUserId', `No active user with id ${facts.contractorUserId}`);
    if (!user.roles.includes(Role.CONTRACTOR)) {
      throw badInput(
        'contractorUserId',
        `${user.code} is no contractor (roles ${user.roles.join(', ')}): the application and rework go to a contractor`,
      );
    }
  }
  if (facts.contractorDepartmentId) {
    const department = await requireDepartment(em, facts.contractorDepartmentId, 'contractorDepartmentId');
    if (user && user.department.id !== department.id) {
      throw badInput(
        'contractorDepartmentId',
        `${user.code} is not in department ${department.code}: name the contractor's own department, or leave it out`,
      );
    }
    return { department, user };
  }
  const department = user
    ? await em.findOneOrFail(Department, { id: user.department.id })
    : await em.findOneOrFail(Department, { code: CONTRACTOR_DEPARTMENT });
  return { department, user };
}
