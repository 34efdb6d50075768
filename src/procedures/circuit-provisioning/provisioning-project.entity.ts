import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A multi-department project (项目管理): the orders of one contract, raised by sales, led on the
 * technical side by the center, whose documents the center archives when its last order ends.
 */
@ObjectType('ProvisioningProject', { simpleResolvers: true })
@Entity({ tableName: 'provisioning_project' })
export class ProvisioningProject {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Unique()
  @Property({ type: 'text' })
  contractNumber!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: "when the center archived the project's documents" })
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Date | null;

  /** the order whose procedure archived it: who filed the documents is who completed its archive task */
  @Property({ type: 'uuid', nullable: true })
  archivedOnTicketId?: string | null;

  @Field(() => String, { nullable: true, description: 'where the documents were filed' })
  @Property({ type: 'text', nullable: true })
  archiveNote?: string | null;

  @Property({ version: true })
  version!: number;
}
