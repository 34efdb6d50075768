import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { InDateRange, Text } from '../../graphql/text-fields';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketPriority } from '../../modules/tickets/ticket.enums';
import { TEXT_LIMITS } from '../../shared/input-checks';

/** An OSS alarm's perceived severity (ITU-T X.733). */
export enum AlarmSeverity {
  CRITICAL = 'CRITICAL',
  MAJOR = 'MAJOR',
  MINOR = 'MINOR',
  WARNING = 'WARNING',
}

/** What became of an alarm. */
export enum AlarmOutcomeKind {
  /** a fault ticket was opened for the circuit's customer */
  OPENED = 'OPENED',
  /** the circuit already had an open fault: the alarm was added to it */
  ADDED = 'ADDED',
  /** this alarm id was received before: the answer is the ticket it went to then */
  ALREADY_RECEIVED = 'ALREADY_RECEIVED',
}

registerEnumType(AlarmSeverity, { name: 'AlarmSeverity', description: 'perceived severity of an OSS alarm (X.733)' });
registerEnumType(AlarmOutcomeKind, { name: 'AlarmOutcomeKind' });

/** How urgent the fault an alarm opens is. */
export const priorityOf: Record<AlarmSeverity, TicketPriority> = {
  [AlarmSeverity.CRITICAL]: TicketPriority.CRITICAL,
  [AlarmSeverity.MAJOR]: TicketPriority.HIGH,
  [AlarmSeverity.MINOR]: TicketPriority.MEDIUM,
  [AlarmSeverity.WARNING]: TicketPriority.LOW,
};

/** Half a note: the alarm's text is kept in a note or description with its id, severity and time around it. */
export const ALARM_TEXT_LIMIT = TEXT_LIMITS.text / 2;

@InputType()
export class RaiseAlarmInput {
  @Field({ description: 'the circuit the alarm is on, by its code' })
  @Text(TEXT_LIMITS.code, { min: 1 })
  circuitCode!: string;

  @Field({ description: "the OSS's own alarm id: an alarm sent again with the same id is received once" })
  @Text(TEXT_LIMITS.key, { min: 1 })
  alarmId!: string;

  @Field(() => AlarmSeverity, { defaultValue: AlarmSeverity.MAJOR })
  severity!: AlarmSeverity;

  @Field({ nullable: true, description: 'when the network raised it (the hub keeps its own time for deadlines)' })
  @InDateRange()
  raisedAt?: Date;

  @Field()
  @Text(ALARM_TEXT_LIMIT, { min: 1 })
  description!: string;
}

@ObjectType()
export class AlarmOutcome {
  @Field(() => AlarmOutcomeKind)
  outcome!: AlarmOutcomeKind;

  @Field()
  alarmId!: string;

  @Field(() => Ticket, { description: 'the fault ticket the alarm opened or was added to' })
  ticket!: Ticket;
}
