import { Field, InputType } from 'type-graphql';
import { SortDirection } from './sort-direction';

export interface OrderBy<F extends string> {
  field: F;
  direction: SortDirection;
}

/** `${name}Order { field, direction }` over a list's sortable fields (each served by an index). */
export function orderInput<F extends string>(fields: Record<string, F>, name: string, defaultDirection: SortDirection) {
  @InputType(`${name}Order`)
  class Order implements OrderBy<F> {
    @Field(() => fields)
    field!: F;

    @Field(() => SortDirection, { defaultValue: defaultDirection })
    direction!: SortDirection;
  }
  return Order;
}
