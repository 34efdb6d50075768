import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const parseDay = (value: unknown): string => {
  if (typeof value !== 'string' || !DAY.test(value))
    throw new GraphQLError(`A Date is a day written YYYY-MM-DD, not ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  const parsed = new Date(`${value}T00:00:00Z`);
  const year = Number(value.slice(0, 4));
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value || year < 1900 || year > 2200) {
    throw new GraphQLError(`${value} is not a day between 1900 and 2200`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
};

/** A calendar day in China time, YYYY-MM-DD: what "working day" arithmetic counts in. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'a day, YYYY-MM-DD (China time)',
  serialize: (value) => String(value),
  parseValue: parseDay,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING)
      throw new GraphQLError('A Date is a string written YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDay(node.value);
  },
});
