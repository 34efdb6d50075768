import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Customer } from '../../modules/customers/customer.entity';
import { ServiceLevel } from '../../modules/customers/customer.enums';
import { User } from '../../modules/org/user.entity';
import { CutoverNoticeStatus } from './cutover.enums';

/**
 * One affected customer of a cutover: who tells it (its account manager), which of its circuits
 * are affected, and by when it must be told in the current round. A reschedule moves the
 * deadlines and opens a new round: a customer told already is told again. The API reads these
 * as `CutoverNotice` (cutover.types.ts), the same type a plan answers before anything is stored.
 */
@Entity({ tableName: 'cutover_notice' })
@Unique({ properties: ['cutoverId', 'customer'] })
export class CutoverNoticeRecord {
  [OptionalProps]?: 'version' | 'timesTold';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  cutoverId!: string;

  // A customer's notices are listed by customer (a customer token's `cutoverNotices`).
  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  /** the account manager when the cutover was requested: the one told to tell the customer */
  @ManyToOne(() => User, { ref: true, nullable: true })
  accountManager?: Ref<User> | null;

  @Enum({ items: () => ServiceLevel })
  serviceLevel!: ServiceLevel;

  @Property()
  crossRegion!: boolean;

  @Property({ type: 'json' })
  circuitIds!: string[];

  @Property({ type: 'int', nullable: true })
  leadWorkingDays?: number | null;

  @Property({ type: 'int', nullable: true })
  leadHours?: number | null;

  @Index()
  @Property({ type: 'string', columnType: 'date' })
  notifyBy!: string;

  @Property({ type: 'timestamptz' })
  notifyDueAt!: Date;

  @Property({ type: 'timestamptz' })
  remindAt!: Date;

  @Property({ type: 'int' })
  round!: number;

  @Enum({ items: () => CutoverNoticeStatus })
  status!: CutoverNoticeStatus;

  @Property({ type: 'int', default: 0 })
  timesTold: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  toldAt?: Date | null;

  @Property({ type: 'boolean', nullable: true })
  customerAgrees?: boolean | null;

  @Property({ type: 'text', nullable: true })
  refusalReason?: string | null;

  /** the instance telling the customer in the current round (cutover-customer-notice) */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  instanceId?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  chasedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ version: true })
  version!: number;
}
