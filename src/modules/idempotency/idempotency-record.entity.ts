import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A create request's idempotency key and what it created. A retry with the same key (same
 * operation, same actor) and the same payload gets the first result instead of a second record;
 * another payload under that key is refused.
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

  /** SHA-256 of the request's normalized payload: a retry must carry the same (null for keys taken before it was kept) */
  @Property({ type: 'varchar', length: 64, nullable: true })
  requestHash?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
