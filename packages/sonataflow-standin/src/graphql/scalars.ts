import {
  GraphQLError,
  GraphQLScalarType,
  Kind,
  valueFromASTUntyped,
} from 'graphql';

/** Internal timestamps are epoch ms; the wire format is ISO-8601 like the Data Index. */
function toMillis(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new GraphQLError(
    `DateTime cannot represent value: ${JSON.stringify(value)}`,
  );
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: value => new Date(toMillis(value)).toISOString(),
  parseValue: value => toMillis(value),
  parseLiteral: ast => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) {
      return toMillis(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    }
    throw new GraphQLError('DateTime must be a string');
  },
});

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: value => value,
  parseValue: value => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
