import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { User } from '../org/user.entity';
import { InstanceStatus } from './process.enums';
import { ProcessDefinition } from './process-definition.entity';

@ObjectType({ simpleResolvers: true, description: 'Something the instance waits on now: a user task, a timer or a message' })
export class WaitingActivity {
  @Field()
  elementId!: string;

  @Field()
  type!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'for a message catch: the message name' })
  message!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Incident {
  @Field()
  message!: string;

  @Field(() => String, { nullable: true })
  elementId!: string | null;

  @Field(() => Int)
  attempts!: number;

  @Field()
  at!: Date;
}

/** What was asked of the instance when a step failed; `retryIncident` asks it again. */
export type StepCommand =
  | { kind: 'start' }
  | { kind: 'signal'; elementId: string; output: Record<string, unknown> }
  | { kind: 'timer'; elementId: string }
  | { kind: 'message'; messageId: string; output: Record<string, unknown> };

export interface StoredIncident {
  message: string;
  elementId: string | null;
  attempts: number;
  at: string;
  command: StepCommand;
}

/**
 * A running procedure. Between steps it lives only here: the engine state is saved after every
 * step and the engine is dropped, so waiting instances cost no memory.
 */
@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'process_instance' })
@Index({ properties: ['status', 'startedAt'] })
export class ProcessInstance {
  [OptionalProps]?: 'lockVersion';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => ProcessDefinition, { ref: true, index: true })
  definition!: Ref<ProcessDefinition>;

  @Field()
  @Property()
  processKey!: string;

  @Field(() => Int)
  @Property()
  definitionVersion!: number;

  @Field(() => String, { nullable: true, description: 'e.g. the id of the ticket this procedure works on' })
  @Property({ nullable: true })
  @Index()
  businessKey?: string;

  /** the ticket whose procedure this is (tickets point nowhere: the procedure layer joins the two) */
  @Property({ type: 'uuid', nullable: true, index: true })
  ticketId?: string | null;

  /** the instance whose call activity started this one (its answer goes back there when it completes) */
  @Property({ type: 'uuid', nullable: true, index: true })
  parentInstanceId?: string | null;

  /** the execution of the caller's call activity that waits for this instance */
  @Property({ type: 'text', nullable: true })
  calledByExecutionId?: string | null;

  /** the caller's call activity (element id) */
  @Property({ type: 'text', nullable: true })
  calledByElementId?: string | null;

  @Field(() => InstanceStatus)
  @Enum({ items: () => InstanceStatus })
  status!: InstanceStatus;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  variables!: Record<string, unknown>;

  /** bpmn-engine's getState(), without the diagram (kept once per definition) */
  @Property({ type: 'json', nullable: true, lazy: true })
  state?: Record<string, unknown> | null;

  @HeldInRow()
  @Field(() => [WaitingActivity], { description: 'what it waits on now' })
  @Property({ type: 'json' })
  waiting!: WaitingActivity[];

  @Property({ type: 'json', nullable: true })
  incidentData?: StoredIncident | null;

  @Field()
  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null;

  @Field()
  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  startedBy?: Ref<User>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  /** bumped by every step, so a stale reader cannot overwrite a newer step */
  @Property({ version: true })
  lockVersion!: number;
}
