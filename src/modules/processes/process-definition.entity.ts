import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { User } from '../org/user.entity';

@ObjectType({ simpleResolvers: true, description: 'An element of a diagram: what process owners and the console draw' })
export class DiagramElement {
  @Field()
  id!: string;

  @Field({ description: 'BPMN type, e.g. bpmn:UserTask' })
  type!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'the lane (swimlane) holding the element' })
  lane!: string | null;

  @Field(() => String, { nullable: true, description: 'for a boundary event: the activity it is attached to' })
  attachedTo!: string | null;

  /** a digest of everything the element says, to tell what changed between versions (absent before it was kept) */
  digest?: string;
}

@ObjectType({ simpleResolvers: true, description: 'An element added, removed or changed since the previous version' })
export class ElementChange {
  @Field()
  elementId!: string;

  @Field({ description: 'ADDED, REMOVED or CHANGED' })
  change!: 'ADDED' | 'REMOVED' | 'CHANGED';

  @Field()
  type!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

/** One deployed version of a BPMN process. Versions are never changed; an edit is a new version. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'process_definition' })
@Unique({ properties: ['key', 'version'] })
export class ProcessDefinition {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'the BPMN process id' })
  @Property()
  key!: string;

  @Field(() => Int)
  @Property()
  version!: number;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  name?: string;

  @Field({ description: 'SHA-256 of the XML; an unchanged file makes no new version' })
  @Property()
  sha256!: string;

  @Field()
  @Property({ type: 'text' })
  xml!: string;

  @HeldInRow()
  @Field(() => [DiagramElement])
  @Property({ type: 'json' })
  elements!: DiagramElement[];

  /** message name -> message id, for correlating messages by name */
  @Property({ type: 'json' })
  messages!: Record<string, string>;

  /** the diagram as bpmn-engine serializes it; instances' states are recovered against it */
  @Property({ type: 'text', lazy: true })
  serializedSource!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  deployedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  deployedBy?: Ref<User>;

  @Field(() => String, { nullable: true, description: "why this version was deployed, in the process owner's words" })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @HeldInRow()
  @Field(() => [ElementChange], { description: 'elements added, removed or changed since the previous version' })
  @Property({ type: 'json', default: '[]' })
  changes: ElementChange[] = [];

  @Field(() => String, { nullable: true, description: 'file name when deployed from processes/ at start' })
  @Property({ nullable: true })
  source?: string;
}
