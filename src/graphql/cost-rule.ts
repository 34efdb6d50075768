import {
  type FieldNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

/** Items a list field without `first`/`last` is assumed to return when it declares no `maxItems` of its own. */
export const DEFAULT_LIST_ITEMS = 100;

/** The `maxItems` a list field declares with type-graphql's `@Extensions({ maxItems })`: its cap at run time too. */
export const maxItemsOf = (field: GraphQLField<unknown, unknown>): number | null => {
  const declared = field.extensions?.maxItems;
  return typeof declared === 'number' ? declared : null;
};

const intArgument = (field: FieldNode, name: string): ValueNode | undefined =>
  field.arguments?.find((argument) => argument.name.value === name)?.value;

/**
 * How many items a field stands for: `first`/`last` when given as a literal, otherwise the most
 * the field may return. Lists inside a connection (`edges`) were counted at the connection field;
 * lists held in their parent's row (`HeldInRow`) cost as one item.
 */
function multiplier(node: FieldNode, field: GraphQLField<unknown, unknown>, parentType: GraphQLCompositeType): number {
  if (field.extensions?.heldInRow) return 1;
  const cap = maxItemsOf(field);
  const size = intArgument(node, 'first') ?? intArgument(node, 'last');
  if (size) return size.kind === Kind.INT ? Math.min(Number(size.value), cap ?? Number(size.value)) : (cap ?? DEFAULT_LIST_ITEMS);
  if (!isListType(getNullableType(field.type))) return 1;
  if (parentType.name.endsWith('Connection')) return 1;
  return cap ?? DEFAULT_LIST_ITEMS;
}

/**
 * The static cost of an operation: every object a field returns counts 1, times the items its list
 * (or page) may hold, so `customer { circuits { customer { circuits ... } } }` multiplies up and a
 * page of 100 tickets with their circuits and last 5 events stays near 16,400. Scalars are free;
 * introspection is free (its own rule governs it).
 */
export function costRule(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const costOf = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, fragments: Set<string>): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          if (!isObjectType(parentType)) {
            total += costOfAbstract(selection, parentType, fragments);
            continue;
          }
          const field = parentType.getFields()[selection.name.value];
          if (!field) continue;
          const type = getNamedType(field.type);
          if (!selection.selectionSet || !isCompositeType(type)) continue;
          total += multiplier(selection, field, parentType) * (1 + costOf(selection.selectionSet, type, fragments));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : parentType;
          if (condition && isCompositeType(condition)) total += costOf(selection.selectionSet, condition, fragments);
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          // A fragment that spreads itself is refused by graphql-js's NoFragmentCycles; don't loop on it here.
          if (!fragment || fragments.has(name)) continue;
          const condition = context.getSchema().getType(fragment.typeCondition.name.value);
          if (condition && isCompositeType(condition)) total += costOf(fragment.selectionSet, condition, new Set([...fragments, name]));
        }
      }
      return total;
    };
    // Fields of interfaces and unions are priced like those of their first possible type's field.
    const costOfAbstract = (node: FieldNode, parentType: GraphQLCompositeType, fragments: Set<string>): number => {
      if (!isAbstractType(parentType) || !node.selectionSet) return 0;
      const [first] = context.getSchema().getPossibleTypes(parentType);
      if (!first) return 0;
      return costOf({ kind: Kind.SELECTION_SET, selections: [node] }, first, fragments);
    };
    return {
      OperationDefinition(operation) {
        const root = context.getSchema().getRootType(operation.operation);
        if (!root) return;
        const cost = costOf(operation.selectionSet, root, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `The operation costs ${cost}, above the limit of ${maxCost}: ask for smaller pages (first/last) or fewer nested lists`,
              { nodes: [operation], extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxCost', cost, maxCost } },
            ),
          );
        }
      },
    };
  };
}
