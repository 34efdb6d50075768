import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { ServiceLevel } from '../../modules/customers/customer.enums';
import { User } from '../../modules/org/user.entity';

/** The one policy row: absent until an administrator changes the built-in lead times (lead-time.util.ts). */
export const POLICY_ID = 'default';

/** An administrator's lead times for cutover notices, per service level, and an emergency's hours. */
@Entity({ tableName: 'cutover_policy' })
export class CutoverPolicy {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'string' })
  id: string = POLICY_ID;

  @Property({ type: 'json' })
  workingDays!: Record<ServiceLevel, number>;

  @Property({ type: 'int' })
  emergencyHours!: number;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  updatedBy?: Ref<User> | null;

  @Property({ version: true })
  version!: number;
}
