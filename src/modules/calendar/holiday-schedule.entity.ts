import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { User } from '../org/user.entity';
import type { Holiday } from './china-holidays';

/**
 * An administrator's schedule for one year, replacing the packaged one: each year's notice is
 * published in November and the center must not wait for a package release. Changes are
 * versioned and recorded in the history (subject CALENDAR, this row's id).
 */
@Entity({ tableName: 'holiday_schedule' })
export class HolidayScheduleEntry {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property()
  @Unique()
  year!: number;

  @Property({ type: 'json' })
  holidays!: Holiday[];

  @Property({ type: 'json' })
  makeupWorkdays!: string[];

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  updatedBy?: Ref<User> | null;

  @Property({ version: true })
  version!: number;
}
