import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { User } from '../org/user.entity';

/** The three narrative sections of the quarterly report, which the center writes; the others are counted. */
export enum ReportSection {
  /** 典型案例分析: the tickets the center picks (quote their numbers, KX-2026-000123), with its analysis */
  TYPICAL_CASES = 'TYPICAL_CASES',
  /** 问题及建议 */
  PROBLEMS_AND_SUGGESTIONS = 'PROBLEMS_AND_SUGGESTIONS',
  /** 下季度工作计划 */
  NEXT_QUARTER_PLAN = 'NEXT_QUARTER_PLAN',
}
registerEnumType(ReportSection, { name: 'ReportSection', description: 'a narrative section of the quarterly report (季报)' });

/**
 * One narrative section of a quarter's report as last saved; each save bumps its version and is
 * recorded in history with the text before and after, so no earlier wording is lost.
 */
@Entity({ tableName: 'quarterly_report_section' })
@Unique({ properties: ['year', 'quarter', 'section'] })
export class QuarterlyReportSection {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'int' })
  year!: number;

  @Property({ type: 'int' })
  quarter!: number;

  @Enum({ items: () => ReportSection })
  section!: ReportSection;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'timestamptz' })
  savedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  savedBy?: Ref<User> | null;

  @Property({ version: true })
  version!: number;
}

/**
 * A quarter's report as submitted (上报): when, by whom, whether by its deadline (季报上报及时性),
 * and its figures and texts frozen as they were then. Written once; a submitted report is not edited.
 */
@Entity({ tableName: 'quarterly_report' })
@Unique({ properties: ['year', 'quarter'] })
export class QuarterlyReport {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'int' })
  year!: number;

  @Property({ type: 'int' })
  quarter!: number;

  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  submittedBy?: Ref<User> | null;

  @Property()
  onTime!: boolean;

  /** the report as submitted (QuarterlyReportView), read back as it was */
  @Property({ type: 'json' })
  figures!: Record<string, unknown>;

  @Property({ version: true })
  version!: number;
}
