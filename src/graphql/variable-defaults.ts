import {
  astFromValue,
  type GraphQLInputType,
  type GraphQLSchema,
  getNullableType,
  isInputObjectType,
  isListType,
  typeFromAST,
  type VariableDefinitionNode,
  valueFromASTUntyped,
} from 'graphql';

type Json = unknown;

/**
 * Writes the declared defaults of input fields the client left out into its variables, as the
 * client would have written them. graphql-jit 0.8 skips defaults of non-null input fields
 * (`priority: TicketPriority! = MEDIUM`) when they come through variables; graphql-js applies
 * them, and clients rely on it. Returns new objects; the request is left as it came.
 */
export function withInputDefaults(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  variables: Record<string, Json>,
): Record<string, Json> {
  const filled: Record<string, Json> = { ...variables };
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type && filled[name] != null) filled[name] = fill(type, filled[name]);
  }
  return filled;
}

function fill(type: GraphQLInputType, value: Json): Json {
  const nullable = getNullableType(type);
  if (value == null) return value;
  if (isListType(nullable)) return Array.isArray(value) ? value.map((item) => fill(nullable.ofType, item)) : fill(nullable.ofType, value);
  if (!isInputObjectType(nullable) || typeof value !== 'object' || Array.isArray(value)) return value;
  const object: Record<string, Json> = { ...(value as Record<string, Json>) };
  for (const field of Object.values(nullable.getFields())) {
    if (field.name in object) object[field.name] = fill(field.type, object[field.name]);
    else if (field.defaultValue !== undefined) {
      const literal = astFromValue(field.defaultValue, field.type);
      if (literal) object[field.name] = valueFromASTUntyped(literal);
    }
  }
  return object;
}
