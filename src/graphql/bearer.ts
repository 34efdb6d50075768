/** The bearer token from an HTTP header or a graphql-ws connection_init payload. */
export const bearerOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
