import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ProvisioningChain } from './provisioning.enums';
import type { StepShares } from './provisioning-steps';

/** An administrator's split of a chain's deadline into step limits (the default lives in provisioning-steps.ts). */
@Entity({ tableName: 'provisioning_split' })
export class ProvisioningSplit {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'text' })
  chain!: ProvisioningChain;

  @Property({ type: 'json' })
  shares!: StepShares;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  updatedById?: string | null;

  @Property({ version: true })
  version!: number;
}
