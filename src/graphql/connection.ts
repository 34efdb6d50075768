import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '../db/keyset';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** Builds the Relay connection type `${name}Connection` with its edge type for `node`. */
export function connectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionOfT implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: 'all matching items, not just this page (one extra query when asked)' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }

  return ConnectionOfT;
}

/** An edge whose cursor is encoded only if the client selects it. */
class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (node: T) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node);
  }
}

/** Wraps a page in an instance of a connection type built by `connectionType`. */
export function toConnection<T, C extends Connection<T>>(type: new () => C, page: Page<T>): C {
  const connection = new type();
  Object.assign(connection, {
    edges: page.rows.map((node) => new LazyEdge(node, page.cursorOf)),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.length > 0 ? page.cursorOf(page.rows[page.rows.length - 1]) : null },
    count: page.count,
  });
  return connection;
}
