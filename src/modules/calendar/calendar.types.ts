import { ArrayMaxSize, IsInt, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Text } from '../../graphql/text-fields';

export enum CalendarDayKind {
  WORKDAY = 'WORKDAY',
  WEEKEND = 'WEEKEND',
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'a working day, a weekend day, a public holiday, or a weekend day worked instead of a holiday (调休)',
});

export enum ScheduleSource {
  BUILT_IN = 'BUILT_IN',
  ADMINISTRATOR = 'ADMINISTRATOR',
  NONE = 'NONE',
}

registerEnumType(ScheduleSource, {
  name: 'ScheduleSource',
  description: "where a year's schedule comes from: the packaged one, an administrator's entry, or none yet (Monday to Friday assumed)",
});

/** A local date, YYYY-MM-DD. */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@ObjectType({ simpleResolvers: true })
export class CalendarDayInfo {
  @Field({ description: 'YYYY-MM-DD, China time' })
  day!: string;

  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;

  @Field()
  working!: boolean;

  @Field(() => String, { nullable: true, description: 'the festival, for holidays (e.g. 国庆节)' })
  holidayName!: string | null;

  @Field({ description: "the year's schedule is not known yet: Monday to Friday is assumed" })
  provisional!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class HolidayInfo {
  @Field()
  day!: string;

  @Field()
  name!: string;
}

@ObjectType({ simpleResolvers: true })
export class HolidaySchedule {
  @Field(() => Int)
  year!: number;

  @Field(() => ScheduleSource)
  source!: ScheduleSource;

  @Field(() => [HolidayInfo])
  holidays!: HolidayInfo[];

  @Field(() => [String])
  makeupWorkdays!: string[];

  @Field(() => Int, { nullable: true, description: "the administrator entry's version (null for the packaged schedule)" })
  version!: number | null;
}

@InputType()
export class HolidayInput {
  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DAY_PATTERN, { message: 'day must be a date as YYYY-MM-DD' })
  day!: string;

  @Field({ description: 'the festival (e.g. 春节), at most 50 characters' })
  @Text(50, { min: 1 })
  name!: string;
}

@InputType()
export class SetHolidayScheduleInput {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => [HolidayInput], { description: 'every day off of the year (at most 60)' })
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  holidays!: HolidayInput[];

  @Field(() => [String], { description: 'weekend days worked instead (调休), YYYY-MM-DD (at most 20)' })
  @ArrayMaxSize(20)
  @Matches(DAY_PATTERN, { each: true, message: 'each make-up working day must be a date as YYYY-MM-DD' })
  makeupWorkdays!: string[];

  @Field(() => Int, { nullable: true, description: "the version you read of this year's administrator entry (none for a first entry)" })
  version?: number;
}
