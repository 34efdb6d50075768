import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../db/unit-of-work';
import { actingUser } from '../../modules/history/history.service';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import type { ServiceContext } from '../../shared/service-context';
import { ProvisioningChain } from './provisioning.enums';
import type { SetProvisioningSplitInput } from './provisioning.inputs';
import type { ProvisioningSplitView } from './provisioning.types';
import { ProvisioningSplit } from './provisioning-split.entity';
import { CHAINS, defaultShares, type StepShares } from './provisioning-steps';

/** The split in force for a chain: the administrator's, else the documented default. */
export async function loadShares(em: EntityManager, chain: ProvisioningChain): Promise<StepShares> {
  const stored = await em.findOne(ProvisioningSplit, { chain });
  return stored?.shares ?? defaultShares(chain);
}

const view = (chain: ProvisioningChain, stored: ProvisioningSplit | null): ProvisioningSplitView => ({
  chain,
  isDefault: !stored,
  updatedAt: stored?.updatedAt ?? null,
  steps: CHAINS[chain].map((definition) => ({
    step: definition.step,
    name: definition.name,
    department: definition.department,
    share: (stored?.shares ?? defaultShares(chain)).find((s) => s.step === definition.step)?.share ?? 0,
  })),
});

/** How the center splits an order's deadline into step limits: a policy administrators edit. */
export class ProvisioningSplitService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  async list(em: EntityManager): Promise<ProvisioningSplitView[]> {
    const stored = await em.find(ProvisioningSplit, {});
    return Object.values(ProvisioningChain).map((chain) => view(chain, stored.find((s) => s.chain === chain) ?? null));
  }

  /** Every step of the chain once, the shares adding up to 100; orders arriving from now on use it. */
  set(ctx: ServiceContext, input: SetProvisioningSplitInput): Promise<ProvisioningSplitView> {
    const steps = CHAINS[input.chain].map((s) => s.step);
    const named = input.shares.map((s) => s.step);
    const unknown = named.find((step) => !steps.includes(step));
    if (unknown) throw badInput('shares', `${input.chain} has no step ${unknown}; its steps are ${steps.join(', ')}`);
    const missing = steps.find((step) => !named.includes(step));
    if (missing || named.length !== steps.length) {
      throw badInput('shares', `Give every step of ${input.chain} once: ${steps.join(', ')}`);
    }
    const total = input.shares.reduce((sum, s) => sum + s.share, 0);
    if (total !== 100) throw badInput('shares', `The shares add up to 100 (percent of the working days); these add up to ${total}`);
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      const actor = await actingUser(em, ctx.actor);
      const shares = steps.map((step) => ({ step, share: input.shares.find((s) => s.step === step)?.share ?? 0 }));
      const stored = await em.findOne(ProvisioningSplit, { chain: input.chain });
      const values = { shares, updatedAt: this.clock.now(), updatedById: actor?.id ?? null };
      const saved = stored ? Object.assign(stored, values) : em.create(ProvisioningSplit, { chain: input.chain, ...values });
      await em.flush();
      return view(input.chain, saved);
    });
  }
}
