import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { User } from '../org/user.entity';
import { TaskStatus } from './process.enums';
import { ProcessInstance } from './process-instance.entity';

@ObjectType({ simpleResolvers: true, description: 'A field of a task form, declared in the diagram (camunda:formData)' })
export class FormField {
  @Field()
  id!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field({ description: 'string, long, boolean, date, enum or attachments (a list of attachment ids)' })
  type!: string;

  @Field()
  required!: boolean;

  @Field(() => [String], { nullable: true, description: 'allowed values of an enum field' })
  values!: string[] | null;
}

/** A user task waiting for a person: the work queue of departments and staff. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'process_task' })
@Index({ properties: ['status', 'candidateDepartment'] })
@Index({ properties: ['status', 'assignee'] })
export class ProcessTask {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => ProcessInstance, { ref: true, index: true })
  instance!: Ref<ProcessInstance>;

  @Field({ description: 'the user task id in the diagram' })
  @Property()
  elementId!: string;

  /** bpmn-engine's execution id: stable across recovers, tells two visits of one task apart */
  @Property()
  executionId!: string;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  name?: string;

  @Field(() => TaskStatus)
  @Enum({ items: () => TaskStatus })
  status!: TaskStatus;

  @Field(() => String, { nullable: true, description: 'department code that may work on it' })
  @Property({ nullable: true })
  candidateDepartment?: string | null;

  @Field(() => String, { nullable: true, description: 'role that may work on it' })
  @Property({ nullable: true })
  candidateRole?: string | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  assignee?: Ref<User> | null;

  /** who last assigned or released it on someone else's behalf (a supervisor, an administrator) */
  @ManyToOne(() => User, { ref: true, nullable: true })
  assignedBy?: Ref<User> | null;

  @Field(() => Date, { nullable: true, description: 'when a supervisor or administrator last assigned or released it' })
  @Property({ type: 'timestamptz', nullable: true })
  assignedAt?: Date | null;

  @HeldInRow()
  @Field(() => [FormField])
  @Property({ type: 'json' })
  formFields!: FormField[];

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  completedBy?: Ref<User> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'what the task was completed with' })
  @Property({ type: 'json', nullable: true })
  output?: Record<string, unknown> | null;

  /** set once the overdue notice went out, so it goes out once */
  @Property({ type: 'timestamptz', nullable: true })
  overdueNotifiedAt?: Date | null;

  @Field(() => Int, { description: 'send it back with claim/unclaim; a stale one is refused with CONFLICT' })
  @Property({ version: true })
  version!: number;
}
