import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ProvisioningChain } from './provisioning.enums';

@ObjectType('ProvisioningStep', { description: 'one step of an order: its department, its part of the deadline, and when it was done' })
export class ProvisioningStepView {
  @Field()
  step!: string;

  @Field()
  name!: string;

  @Field({ description: 'the department code the step is offered to' })
  department!: string;

  @Field(() => Int, { description: 'working days the split gave it' })
  days!: number;

  @Field()
  dueAt!: Date;

  @Field(() => Date, { nullable: true })
  doneAt!: Date | null;

  @Field({ description: 'done after its deadline, or not done and its deadline passed' })
  late!: boolean;

  @Field(() => Date, { nullable: true })
  remindedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'when the department was chased (催办)' })
  chasedAt!: Date | null;
}

@ObjectType('ProvisioningStepShare')
export class StepShareView {
  @Field()
  step!: string;

  @Field()
  name!: string;

  @Field()
  department!: string;

  @Field(() => Int, { description: "percent of the order's working days" })
  share!: number;
}

@ObjectType('ProvisioningSplit', { description: "how the center splits an order's deadline into step limits, for one chain" })
export class ProvisioningSplitView {
  @Field(() => ProvisioningChain)
  chain!: ProvisioningChain;

  @Field(() => [StepShareView])
  steps!: StepShareView[];

  @Field({ description: 'the documented default, not an administrator edit' })
  isDefault!: boolean;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}

@ObjectType('ProvisioningTimeliness', {
  description: '电路开通及测试报告提供及时率: circuits activated on time with a test report / circuits to activate',
})
export class ProvisioningTimeliness {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int, { description: 'circuits whose order was due in the period, its deadline passed or completed' })
  circuitsToActivate!: number;

  @Field(() => Int)
  circuitsOnTime!: number;

  @Field(() => Int, { description: 'circuits due in the period whose order is still running before its deadline (not counted yet)' })
  circuitsPending!: number;

  @Field(() => Float, { nullable: true, description: 'percent; null when there is nothing to measure' })
  rate!: number | null;

  @Field(() => Int, { description: 'orders completed in the period' })
  ordersCompleted!: number;

  @Field(() => Float, { nullable: true, description: 'provisioning cycle of the orders completed in the period, in working days' })
  averageCycleWorkingDays!: number | null;

  @Field(() => String, { nullable: true, description: 'why there is no rate' })
  note!: string | null;
}
