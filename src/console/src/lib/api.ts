import { signOut, token } from './auth';

export interface GraphQLErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The hub refused or failed an operation: its first error, with the others kept. */
export class HubError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly extensions: Record<string, unknown>,
    readonly all: readonly GraphQLErrorShape[],
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** Called when the hub no longer takes the token (left, expired, signed out elsewhere). */
let onUnauthenticated: () => void = () => undefined;
export const whenUnauthenticated = (handler: () => void): void => {
  onUnauthenticated = handler;
};

/** One operation over HTTP with the signed-in user's token. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const bearer = token();
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new HubError(`the hub answered ${res.status} without GraphQL`, null, {}, []);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : null;
    if (code === 'UNAUTHENTICATED') {
      signOut();
      onUnauthenticated();
    }
    throw new HubError(first.message, code, first.extensions ?? {}, body.errors ?? []);
  }
  if (!body.data) throw new HubError('the hub answered no data', null, {}, []);
  return body.data;
}

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
