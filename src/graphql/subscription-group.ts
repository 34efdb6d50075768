import { createSourceEventStream, type ExecutionArgs, type ExecutionResult, execute, getOperationAST, Kind } from 'graphql';
import type { WebSocket } from 'ws';
import { MemberStream } from './member-stream';

/** WebSocket close code for a consumer too slow to keep up: 1013 "Try Again Later" (RFC 6455 registry). */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;

/** Where one member's results go: its socket and its operation id there. */
export interface MemberSocket {
  readonly socket: WebSocket;
  readonly id: string;
  /** whether graphql-ws holds this stream for the id now (not before it has it, nor after a complete) */
  holds(stream: MemberStream): boolean;
}

/** What a group tells the operator: shared executions and slow consumers dropped (metrics). */
export interface SharingObserver {
  groupOpened(): void;
  groupClosed(): void;
  /** one execution of a group's operation for one event, sent to `deliveries` members */
  executed(field: string, deliveries: number): void;
  slowConsumerDropped(): void;
}

export interface GroupSettings {
  /** a result as it goes out: errors through the transport's formatter (masking) */
  format(result: ExecutionResult): unknown;
  /** a socket with more than this waiting unsent is closed rather than sent more (0: no limit) */
  maxBufferedBytes: number;
  observer: SharingObserver;
}

interface Member {
  readonly target: MemberSocket;
  /** `{"id":<id>,"type":"next","payload":` : the frame graphql-ws would write, minus the payload */
  readonly framePrefix: string;
  /** events that had arrived when it joined: it gets only those after */
  readonly joinedAfter: number;
}

/** The subscription's events (what its source stream yields), or the refusal of the subscription. */
type Started = AsyncIterable<unknown> | ExecutionResult;

const isStream = (started: Started): started is AsyncIterable<unknown> => Symbol.asyncIterator in started;

/**
 * Subscribers with one operation, variables and scope: the operation runs once per event, with
 * the first member's context (it renews its EntityManager per event itself), its result is
 * serialized once, and the same text goes to every member's socket. Events are numbered as they
 * arrive, and a member gets only those that arrived after it joined, as it would on a stream of
 * its own (an event still being executed when it joins is not its). The group closes when its
 * last member leaves; a member leaving leaves the others running.
 */
export class SubscriptionGroup {
  private readonly members = new Map<MemberStream, Member>();
  private readonly started: Promise<Started>;
  private readonly field: string;
  private source: AsyncIterator<unknown> | null = null;
  private closed = false;
  /** events the source has yielded so far */
  private arrived = 0;

  constructor(
    private readonly args: ExecutionArgs,
    private readonly settings: GroupSettings,
    private readonly onClose: () => void,
  ) {
    this.field = rootFieldOf(args);
    // graphql-js's subscribe() less its mapping: the group numbers events before executing them.
    this.started = createSourceEventStream(args);
    this.started.then(
      (started) => this.run(started),
      () => this.close(),
    );
  }

  /**
   * Adds a member once the group's stream exists. A subscription refused when it started (not
   * allowed, bad variables) is the same refusal for every member: each gets it as its own result.
   */
  async join(target: MemberSocket): Promise<MemberStream | ExecutionResult> {
    const stream = new MemberStream(() => this.leave(stream));
    this.members.set(stream, {
      target,
      framePrefix: `{"id":${JSON.stringify(target.id)},"type":"next","payload":`,
      joinedAfter: this.arrived,
    });
    const started = await this.started.catch((err: unknown) => {
      this.members.delete(stream);
      throw err;
    });
    if (isStream(started)) return stream;
    this.members.delete(stream);
    return started;
  }

  private run(started: Started): void {
    if (!isStream(started)) {
      this.close();
      return;
    }
    const source = started[Symbol.asyncIterator]();
    this.source = source;
    if (this.closed) {
      stop(source);
      return;
    }
    // Everyone may have left while it started.
    if (this.members.size === 0) this.close();
    else void this.pump(source);
  }

  /**
   * Reads events as they arrive (numbering them then) and executes them one after another, in
   * order, each for the members it belongs to.
   */
  private async pump(source: AsyncIterator<unknown>): Promise<void> {
    let executing: Promise<void> = Promise.resolve();
    try {
      for (let next = await source.next(); !next.done && !this.closed; next = await source.next()) {
        const event = next.value;
        const seq = ++this.arrived;
        executing = executing
          .then(async () => this.fanOut(await execute({ ...this.args, rootValue: event }), seq))
          .catch((error: unknown) => this.fail(error));
      }
      await executing;
      for (const stream of this.members.keys()) stream.end();
    } catch (error) {
      await executing;
      this.fail(error);
    } finally {
      this.close();
    }
  }

  /** The stream or an execution failed: each member's next read throws it (graphql-ws sends it formatted). */
  private fail(error: unknown): void {
    for (const stream of this.members.keys()) stream.fail(error);
    this.close();
  }

  private fanOut(result: ExecutionResult, seq: number): void {
    if (this.closed) return;
    const payload = JSON.stringify(this.settings.format(result));
    let deliveries = 0;
    for (const [stream, member] of this.members) {
      if (member.joinedAfter < seq && this.deliver(stream, member, payload)) deliveries++;
    }
    this.settings.observer.executed(this.field, deliveries);
  }

  /** Never waits on a socket: a slow one is closed, so it cannot hold back the others. */
  private deliver(stream: MemberStream, member: Member, payload: string): boolean {
    const { socket } = member.target;
    if (socket.readyState !== socket.OPEN || !member.target.holds(stream)) return false;
    const waiting = socket.bufferedAmount;
    const limit = this.settings.maxBufferedBytes;
    if (limit > 0 && waiting > limit) {
      // Its members leave when graphql-ws sees the socket close; ws destroys it 30 s later if the client never reads the close.
      socket.close(SLOW_CONSUMER_CLOSE_CODE, `slow consumer: ${waiting} bytes waiting`);
      this.settings.observer.slowConsumerDropped();
      return false;
    }
    socket.send(`${member.framePrefix}${payload}}`);
    return true;
  }

  private leave(stream: MemberStream): void {
    if (this.members.delete(stream) && this.members.size === 0) this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const stream of this.members.keys()) stream.end();
    this.members.clear();
    if (this.source) stop(this.source);
    this.onClose();
  }
}

/** Ends a group's stream (its pubsub listener goes with it); a failure to end has no one left to tell. */
function stop(source: AsyncIterator<unknown>): void {
  Promise.resolve(source.return?.()).catch(() => undefined);
}

/** The subscription's root field (for the metrics' label): validation leaves exactly one. */
function rootFieldOf(args: ExecutionArgs): string {
  const selection = getOperationAST(args.document, args.operationName)?.selectionSet.selections[0];
  return selection?.kind === Kind.FIELD ? selection.name.value : '__fragment';
}
