import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A create request's idempotency key and what it created. A retry with the same key (same
 * operation, same actor) gets the first result instead of a second record.
 */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryKey()
  operation!: string;

  @PrimaryKey()
  actor!: string;

  @PrimaryKey()
  key!: string;

  @Property({ type: 'uuid', nullable: true })
  resultId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
