import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** Who said whether a fault affects service. */
export enum FaultImpactSource {
  /** the OSS alarm's X.733 severity at intake: critical and major are service-affecting, minor and warning are not */
  ALARM = 'ALARM',
  /** the center's answer to "Service affected" when it acknowledged the fault (it overrides the alarm) */
  ACKNOWLEDGE = 'ACKNOWLEDGE',
}

/**
 * Whether a fault affects service (影响业务的故障): the denominator of 故障恢复及时率. Kept beside the
 * FAULT ticket by the fault-handling procedure as it takes the fault in. A fault with no row yet
 * (reported by phone and not acknowledged) is counted as service-affecting by the measures: a
 * customer reports a fault because its service is hurt, until the center says otherwise.
 */
@Entity({ tableName: 'fault_facts' })
export class FaultFacts {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Property()
  serviceAffecting!: boolean;

  @Enum({ items: () => FaultImpactSource })
  source!: FaultImpactSource;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  @Property({ version: true })
  version!: number;
}
