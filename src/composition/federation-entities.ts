import type { EntityManager } from '@mikro-orm/postgresql';
import type { ResolverData } from 'type-graphql';
import { RecordLoader } from '../db/batch-loaders';
import { type Row, selectRows } from '../db/plain-rows';
import type { AppContext } from '../graphql/context';
import type { EntityReference, FederationParts, ReferenceResolver } from '../graphql/federation';
import { FEDERATION_ACCESS } from '../modules/auth/access';
import { RoleChecker } from '../modules/auth/auth-checker';
import { Circuit } from '../modules/circuits/circuit.entity';
import { Customer } from '../modules/customers/customer.entity';
import { Ticket } from '../modules/tickets/ticket.entity';

type Keyed = Customer | Circuit | Ticket;

// One loader per request's EntityManager and key column: 100 references by code cost one statement.
const byColumn = new WeakMap<EntityManager, Map<string, RecordLoader<string, unknown>>>();

function loaderBy<E extends Keyed>(em: EntityManager, entity: new () => E, column: 'code' | 'number'): RecordLoader<string, Row<E> | null> {
  let loaders = byColumn.get(em);
  if (!loaders) {
    loaders = new Map();
    byColumn.set(em, loaders);
  }
  const key = `${entity.name}.${column}`;
  let loader = loaders.get(key);
  if (!loader) {
    loader = new RecordLoader<string, Row<E> | null>(async (values) => {
      const rows = await selectRows(em, entity, `${column} = any(?::text[])`, [`{${values.map(quoteArrayItem).join(',')}}`]);
      const found = new Map(rows.map((row) => [String((row as unknown as Record<string, unknown>)[column]), row]));
      return values.map((value) => found.get(value) ?? null);
    });
    loaders.set(key, loader);
  }
  return loader as unknown as RecordLoader<string, Row<E> | null>;
}

/** A text[] literal item: quoted, with quotes and backslashes escaped (codes are the gateway's input). */
const quoteArrayItem = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null);

/** A customer token reads only its own customer's records; staff read all. */
const mayRead = (ctx: AppContext, customerId: string) => ctx.actor.kind !== 'customer' || ctx.actor.customerId === customerId;

const customer: ReferenceResolver = async (reference, ctx) => {
  const id = text(reference.id);
  const code = text(reference.code);
  const row = id ? await ctx.loaders.customerById.load(id) : code ? await loaderBy(ctx.em, Customer, 'code').load(code) : null;
  return row && mayRead(ctx, row.id) ? row : null;
};

const circuit: ReferenceResolver = async (reference, ctx) => {
  const id = text(reference.id);
  const code = text(reference.code);
  const row = id ? await ctx.loaders.circuitById.load(id) : code ? await loaderBy(ctx.em, Circuit, 'code').load(code) : null;
  return row && mayRead(ctx, row.customer.id) ? row : null;
};

const ticket: ReferenceResolver = async (reference, ctx) => {
  const id = text(reference.id);
  const number = text(reference.number);
  const row = id ? await ctx.loaders.ticketById.load(id) : number ? await loaderBy(ctx.em, Ticket, 'number').load(number) : null;
  return row && mayRead(ctx, row.customer.id) ? row : null;
};

/** Staff records: a customer token resolves none of them. */
const staffOnly =
  (load: (id: string, ctx: AppContext) => unknown): ReferenceResolver =>
  async (reference: EntityReference, ctx) => {
    const id = text(reference.id);
    return id && ctx.actor.kind !== 'customer' ? await load(id, ctx) : null;
  };

const checker = new RoleChecker();

/** The center's entities as a supergraph references them, and who may ask. */
export const centerFederation: FederationParts = {
  entities: {
    Customer: customer,
    Circuit: circuit,
    Ticket: ticket,
    ProcessInstance: staffOnly((id, ctx) => ctx.loaders.instanceById.load(id)),
    User: staffOnly((id, ctx) => ctx.loaders.userById.load(id)),
  },
  // Who may ask is named in access.ts with every other root field.
  authorize: async (field, ctx) => {
    await checker.check({ context: ctx } as ResolverData<AppContext>, [...(FEDERATION_ACCESS[`Query.${field}`] ?? [])]);
  },
};
