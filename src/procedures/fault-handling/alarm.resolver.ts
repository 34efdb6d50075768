import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { RAISE_ALARMS } from '../../modules/auth/access';
import { AlarmOutcome, RaiseAlarmInput } from './alarm.types';

@Resolver()
export class AlarmResolver {
  @Authorized(...RAISE_ALARMS)
  @Mutation(() => AlarmOutcome, {
    description: "an OSS alarm on a circuit: opens a fault ticket for the circuit's customer, or is added to the fault open on it",
  })
  raiseAlarm(@Arg('input') input: RaiseAlarmInput, @Ctx() ctx: AppContext): Promise<AlarmOutcome> {
    return ctx.services.alarms.raise(ctx, input);
  }
}
