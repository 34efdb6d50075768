import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findById } from '../../db/find-by-id';
import { execSql } from '../../db/plain-rows';
import { inTransaction } from '../../db/unit-of-work';
import { Circuit } from '../../modules/circuits/circuit.entity';
import { runOnce } from '../../modules/idempotency/run-once';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketChannel, TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import type { TicketService } from '../../modules/tickets/ticket.service';
import type { Clock } from '../../shared/clock';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import type { Actor, ServiceContext } from '../../shared/service-context';
import { type AlarmOutcome, AlarmOutcomeKind, priorityOf, type RaiseAlarmInput } from './alarm.types';
import { ALARM_SEVERITY_FACT } from './fault-impact';

/** Who raises alarms, for recognizing one sent again (not the account it came with). */
const OSS: Actor = { kind: 'system', userCode: 'oss', customerId: null };

/** A fault no longer open: a new alarm on its circuit is a new fault. */
const FINISHED = [TicketStatus.resolved, TicketStatus.closed, TicketStatus.cancelled, TicketStatus.rejected];

/**
 * OSS alarms as fault intake: an alarm opens a fault ticket for its circuit's customer (through
 * TicketService.open, so the fault-handling procedure starts), or is added to the fault already
 * open on that circuit. One transaction holds the circuit row locked, so two alarms at once on one
 * circuit never open two tickets; an alarm id seen before answers the ticket it went to then.
 */
export class AlarmService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly tickets: TicketService,
  ) {}

  raise(ctx: ServiceContext, input: RaiseAlarmInput): Promise<AlarmOutcome> {
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      // The ticket service runs inside this transaction (its own work in a savepoint of it).
      const inner: ServiceContext = { ...ctx, em };
      let outcome = AlarmOutcomeKind.ALREADY_RECEIVED;
      const ticket = await runOnce(em, {
        operation: 'raiseAlarm',
        key: input.alarmId,
        // The same alarm id on another circuit is an OSS bug, refused rather than answered with the first.
        payload: { circuitCode: input.circuitCode },
        // One OSS, whichever account or token it sends with: the alarm id alone says "seen before".
        actor: OSS,
        now: this.clock.now(),
        load: (id) => findById(em, Ticket, id),
        create: async () => {
          const circuit = await lockCircuit(em, input.circuitCode);
          const openFault = await openFaultOn(em, circuit.id);
          const what = `OSS alarm ${input.alarmId} (${input.severity}${input.raisedAt ? `, raised ${input.raisedAt.toISOString()}` : ''})`;
          if (openFault) {
            outcome = AlarmOutcomeKind.ADDED;
            return this.tickets.addNote(inner, openFault, `${what}: ${input.description}`);
          }
          outcome = AlarmOutcomeKind.OPENED;
          return this.tickets.open(
            inner,
            Object.assign(new OpenTicketInput(), {
              kind: TicketKind.FAULT,
              channel: TicketChannel.NETWORK_ALARM,
              title: `告警 ${circuit.code}: ${input.description}`.slice(0, 200),
              description: `${what}: ${input.description}`,
              customerId: circuit.customer.id,
              circuitIds: [circuit.id],
              priority: priorityOf[input.severity],
            }),
            // The fault-handling intake records from it whether the fault affects service (X.733).
            { facts: { [ALARM_SEVERITY_FACT]: input.severity } },
          );
        },
      });
      return { outcome, alarmId: input.alarmId, ticket };
    });
  }
}

/** The circuit, locked (select ... for update) until the alarm's transaction ends. */
async function lockCircuit(em: EntityManager, code: string): Promise<Circuit> {
  const circuit = await em.findOne(Circuit, { code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!circuit) throw new DomainError(ErrorCode.NOT_FOUND, `No circuit with code ${code}`, { type: 'Circuit', field: 'circuitCode' });
  return circuit;
}

/** The oldest fault still open on the circuit, if any. */
async function openFaultOn(em: EntityManager, circuitId: string): Promise<string | null> {
  const [row] = await execSql<{ id: string }>(
    em,
    `select t.id from ticket t join ticket_circuit tc on tc.ticket_id = t.id
     where tc.circuit_id = ? and t.kind = ? and t.status <> all(?::text[]) order by t.created_at limit 1`,
    [circuitId, TicketKind.FAULT, `{${FINISHED.join(',')}}`],
  );
  return row?.id ?? null;
}
