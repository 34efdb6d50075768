import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';

/** What the measures are counted by. */
export enum MeasureGrouping {
  /** the whole center: one row */
  CENTER = 'CENTER',
  /** each customer with something counted in the period */
  CUSTOMER = 'CUSTOMER',
  /** each service level (the customer's level now) */
  SERVICE_LEVEL = 'SERVICE_LEVEL',
  /** each department owning tickets with something counted */
  DEPARTMENT = 'DEPARTMENT',
  /** each month (China time) of the period */
  MONTH = 'MONTH',
}
registerEnumType(MeasureGrouping, { name: 'MeasureGrouping', description: 'what the measures are counted by' });

@ObjectType({ description: 'one fraction of a rate: numerator / denominator, weighted in the rate' })
export class RatePart {
  @Field()
  name!: string;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Float, { description: "the part's weight in the rate (the weights add up to 1)" })
  weight!: number;
}

@ObjectType({ description: 'a rate with the fractions it is made of' })
export class Rate {
  @Field(() => Float, {
    nullable: true,
    description: 'percent, 2 decimals; null when there is nothing to measure (a part with no denominator), never 0 or 100 for it',
  })
  percent!: number | null;

  @HeldInRow()
  @Field(() => [RatePart])
  parts!: RatePart[];
}

@ObjectType({ description: "the center's measures (考核) over one group of a period" })
export class MeasureRow {
  @Field({ description: 'what the row counts: CENTER, a customer id, a service level, a department code, or YYYY-MM' })
  key!: string;

  @Field({ description: 'the group, as a person reads it' })
  group!: string;

  @Field(() => Rate, { description: '资源核查及时率: resources checked on time / resources to check (an outsourcing item as one circuit)' })
  resourceCheckTimeliness!: Rate;

  @Field(() => Rate, {
    description: '故障恢复及故障报告提供及时率: restored in time / service-affecting faults x 0.7 + reports on time / reports owed x 0.3',
  })
  faultRestoreAndReportTimeliness!: Rate;

  @Field(() => Rate, {
    description: '电路开通及测试报告提供及时率: circuits activated on time with their test report / circuits to activate',
  })
  provisioningTimeliness!: Rate;

  @Field(() => Rate, {
    description: '集团客户用户感知综合指标: the fault rate x 50% + the provisioning rate x 50% (its parts weighted 0.35, 0.15, 0.5)',
  })
  perceptionIndex!: Rate;

  @Field(() => Rate, {
    description: '季报上报及时性: quarterly reports submitted by their deadline / reports due (the center and months only)',
  })
  quarterlyReportTimeliness!: Rate;

  @Field(() => Float, { nullable: true, description: 'provisioning cycle: average working days from order to completion (报竣)' })
  averageProvisioningCycleWorkingDays!: number | null;

  @Field(() => Int, { description: 'provisioning orders completed in the period (what the cycle averages)' })
  provisioningOrdersCompleted!: number;

  @Field(() => Int, { description: 'response work done: tickets resolved (or closed) in the period, of every kind' })
  responseWorkDone!: number;
}
