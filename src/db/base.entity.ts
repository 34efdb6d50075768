import { randomUUID } from 'node:crypto';
import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * What every record the center keeps has: a UUID that never changes (a safe federation key),
 * creation and change times, and a version for optimistic locking.
 */
@ObjectType('BaseRecord', { simpleResolvers: true })
export abstract class BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  /** Incremented by every update; clients send the version they read, a stale one gets CONFLICT. */
  @Field(() => Int)
  @Property({ version: true })
  version!: number;
}

/** Records that are archived, never deleted. */
@ObjectType('ArchivableRecord', { simpleResolvers: true })
export abstract class ArchivableEntity extends BaseEntity {
  @Field({ nullable: true, description: 'set when archived; archived records are kept, never deleted' })
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Date;
}
