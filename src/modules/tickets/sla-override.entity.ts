import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { ServiceLevel } from '../customers/customer.enums';
import { User } from '../org/user.entity';
import type { Span } from './sla-policy';
import type { TicketKind } from './ticket.enums';

/** An administrator's change to the default SLA policy for one kind of ticket at one service level. */
@Entity({ tableName: 'sla_override' })
export class SlaOverride {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'string' })
  kind!: TicketKind;

  @PrimaryKey({ type: 'string' })
  level!: ServiceLevel;

  @Property({ type: 'json' })
  response!: Span;

  @Property({ type: 'json' })
  resolution!: Span;

  @Property({ type: 'json', nullable: true })
  report?: Span | null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  updatedBy?: Ref<User> | null;

  @Property({ version: true })
  version!: number;
}
