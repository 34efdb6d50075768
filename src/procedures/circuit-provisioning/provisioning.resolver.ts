import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { ADMINISTER, CENTER_STAFF, PROVISION_CIRCUITS } from '../../modules/auth/access';
import { LocalDateScalar } from '../../modules/calendar/local-date.scalar';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { CloseServiceInput, DispatchOrderInput, SetProvisioningSplitInput } from './provisioning.inputs';
import { ProvisioningSplitView, ProvisioningTimeliness } from './provisioning.types';
import { ProvisioningProject } from './provisioning-project.entity';

@Resolver()
export class ProvisioningResolver {
  @Authorized(...PROVISION_CIRCUITS)
  @Mutation(() => Ticket, {
    description: 'a circuit dispatch order (电路调单) arrives: opens a CIRCUIT_DISPATCH ticket whose procedure provisions the circuits',
  })
  dispatchCircuits(@Arg('input') input: DispatchOrderInput, @Ctx() ctx: AppContext): Promise<Ticket> {
    return ctx.services.provisioning.dispatch(ctx, input);
  }

  @Authorized(...PROVISION_CIRCUITS)
  @Mutation(() => Ticket, {
    description: "closes circuits' service (业务关闭): data removed, resources released, terminated, on a CIRCUIT_DISPATCH ticket",
  })
  closeCircuitService(@Arg('input') input: CloseServiceInput, @Ctx() ctx: AppContext): Promise<Ticket> {
    return ctx.services.provisioning.close(ctx, input);
  }

  @Authorized(...CENTER_STAFF)
  @Query(() => [ProvisioningSplitView], { description: "how each chain's deadline is split into step limits" })
  provisioningSplits(@Ctx() ctx: AppContext): Promise<ProvisioningSplitView[]> {
    return ctx.services.provisioning.splits.list(ctx.em);
  }

  @Authorized(...ADMINISTER)
  @Mutation(() => ProvisioningSplitView, {
    description: "changes a chain's split of the deadline; orders arriving from now on use it (administrators only)",
  })
  setProvisioningSplit(@Arg('input') input: SetProvisioningSplitInput, @Ctx() ctx: AppContext): Promise<ProvisioningSplitView> {
    return ctx.services.provisioning.splits.set(ctx, input);
  }

  @Authorized(...CENTER_STAFF)
  @Query(() => ProvisioningProject, {
    nullable: true,
    description: "a contract's project: its orders, and when its documents were archived",
  })
  provisioningProject(@Arg('contractNumber') contractNumber: string, @Ctx() ctx: AppContext): Promise<ProvisioningProject | null> {
    return ctx.services.provisioning.project(ctx, contractNumber);
  }

  @Authorized(...CENTER_STAFF)
  @Query(() => ProvisioningTimeliness, {
    description: '电路开通及测试报告提供及时率 and the provisioning cycle, over the orders due (and completed) between two days',
  })
  provisioningTimeliness(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() ctx: AppContext,
  ): Promise<ProvisioningTimeliness> {
    return ctx.services.provisioning.timeliness(ctx.em, ctx.clock.now(), from, to);
  }
}
