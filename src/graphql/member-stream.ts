import type { ExecutionResult } from 'graphql';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * What graphql-ws holds for one member of a shared subscription. It yields nothing itself (its
 * group writes each result straight to the socket, serialized once for all members), so
 * graphql-ws waits on it until the member leaves: graphql-ws returns it (the client's complete,
 * the socket closing), or the group's stream ends (graphql-ws then completes the member) or
 * fails (graphql-ws then sends the member an error, formatted like every other one).
 */
export class MemberStream implements AsyncIterableIterator<ExecutionResult> {
  private finished = false;
  private failure: { error: unknown } | null = null;
  private waiting: { resolve: (r: IteratorResult<ExecutionResult>) => void; reject: (e: unknown) => void } | null = null;

  /** @param leave takes the member out of its group when graphql-ws lets go of it */
  constructor(private readonly leave: () => void) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.finished) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    this.leave();
    return DONE;
  }

  /** The group's stream ended. */
  end(): void {
    if (this.finished) return;
    this.finished = true;
    this.waiting?.resolve(DONE);
    this.waiting = null;
  }

  /** The group's stream failed: this member's next read throws what it threw. */
  fail(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = { error };
    this.waiting?.reject(error);
    this.waiting = null;
  }
}
