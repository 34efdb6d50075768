import { type ExecutionArgs, type ExecutionResult, subscribe } from 'graphql';
import type { MemberStream } from './member-stream';
import { type GroupSettings, type MemberSocket, SubscriptionGroup } from './subscription-group';

/**
 * Subscriptions over graphql-ws, shared like multiplexed live queries: subscribers whose
 * operation, variables and scope are equal (`sharingKeyOf`) join one group that executes once
 * per event and writes the same serialized result to each of them.
 *
 * graphql-ws asks `onSubscribe` for an operation's arguments (where the transport knows the
 * socket, the id and who is asking) and then calls `subscribe` with just those arguments: the
 * transport admits the arguments with their key and member first, and `subscribe` finds them.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, SubscriptionGroup>();
  private readonly admitted = new WeakMap<ExecutionArgs, { key: string; member: MemberSocket }>();

  constructor(private readonly settings: GroupSettings) {}

  /** Groups running now (each one execution per event). */
  get size(): number {
    return this.groups.size;
  }

  admit(args: ExecutionArgs, key: string, member: MemberSocket): void {
    this.admitted.set(args, { key, member });
  }

  subscribe(args: ExecutionArgs): Promise<MemberStream | AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
    const admission = this.admitted.get(args);
    // Not admitted: nobody said whom it is for, so it runs alone, as graphql-ws would run it.
    if (!admission) return subscribe(args);
    this.admitted.delete(args);
    return this.groupFor(admission.key, args).join(admission.member);
  }

  private groupFor(key: string, args: ExecutionArgs): SubscriptionGroup {
    const found = this.groups.get(key);
    if (found) return found;
    const group = new SubscriptionGroup(args, this.settings, () => {
      if (this.groups.get(key) === group) this.groups.delete(key);
      this.settings.observer.groupClosed();
    });
    this.groups.set(key, group);
    this.settings.observer.groupOpened();
    return group;
  }
}
