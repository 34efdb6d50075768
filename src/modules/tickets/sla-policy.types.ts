import { IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceLevel } from '../customers/customer.enums';
import type { Span } from './sla-policy';
import { TicketKind } from './ticket.enums';

export enum SpanUnit {
  CALENDAR_HOURS = 'CALENDAR_HOURS',
  WORKING_HOURS = 'WORKING_HOURS',
  WORKING_DAYS = 'WORKING_DAYS',
}
registerEnumType(SpanUnit, { name: 'SpanUnit', description: 'round-the-clock hours, hours within working time, or whole working days' });

@ObjectType('SpanValue', { simpleResolvers: true })
@InputType('SpanInput')
export class SpanValue {
  @Field(() => Float)
  @Min(0.25)
  @Max(10000)
  amount!: number;

  @Field(() => SpanUnit)
  unit!: SpanUnit;
}

@ObjectType({ simpleResolvers: true, description: 'Deadlines of one kind of ticket at one service level' })
export class SlaPolicyEntry {
  @Field(() => TicketKind)
  kind!: TicketKind;

  @Field(() => ServiceLevel)
  level!: ServiceLevel;

  @Field(() => SpanValue)
  response!: SpanValue;

  @Field(() => SpanValue)
  resolution!: SpanValue;

  @Field(() => SpanValue, { nullable: true })
  report!: SpanValue | null;

  @Field({ description: 'changed by an administrator (false: the built-in default)' })
  overridden!: boolean;
}

@InputType()
export class SetSlaPolicyInput {
  @Field(() => TicketKind)
  kind!: TicketKind;

  @Field(() => ServiceLevel)
  level!: ServiceLevel;

  @Field(() => SpanValue)
  @ValidateNested()
  response!: SpanValue;

  @Field(() => SpanValue)
  @ValidateNested()
  resolution!: SpanValue;

  @Field(() => SpanValue, { nullable: true, description: 'null: no report is owed' })
  @IsOptional()
  @ValidateNested()
  report?: SpanValue | null;
}

export const toSpan = (value: SpanValue): Span =>
  value.unit === SpanUnit.CALENDAR_HOURS
    ? { calendarHours: value.amount }
    : value.unit === SpanUnit.WORKING_HOURS
      ? { workingHours: value.amount }
      : { workingDays: value.amount };

export const fromSpan = (span: Span): SpanValue =>
  'calendarHours' in span
    ? { amount: span.calendarHours, unit: SpanUnit.CALENDAR_HOURS }
    : 'workingHours' in span
      ? { amount: span.workingHours, unit: SpanUnit.WORKING_HOURS }
      : { amount: span.workingDays, unit: SpanUnit.WORKING_DAYS };
