import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { AccessTechnology, CircuitServiceType } from '../../modules/circuits/circuit.enums';

/** How a presales request ended (售前服务流程 3), 4), 7)). */
export enum PresalesOutcome {
  /** existing products did not meet the needs and sales judged the customer not worth developing for */
  NOT_DEVELOPED = 'NOT_DEVELOPED',
  /** resources were short and sales judged the build not worth it */
  NOT_BUILT = 'NOT_BUILT',
  LOST = 'LOST',
  /** contract signed: delivery started */
  WON = 'WON',
}
registerEnumType(PresalesOutcome, { name: 'PresalesOutcome' });

/** A circuit the customer wants, as the request names it; it enters the inventory when the contract is signed. */
@ObjectType({ simpleResolvers: true })
export class ContractCircuit {
  @Field(() => CircuitServiceType)
  serviceType!: CircuitServiceType;

  @Field(() => Float)
  bandwidthMbps!: number;

  @Field()
  aEnd!: string;

  @Field(() => String, { nullable: true })
  zEnd?: string | null;

  @Field(() => AccessTechnology)
  accessTechnology!: AccessTechnology;

  @Field(() => String, { nullable: true, description: 'which of the sites it serves' })
  site?: string | null;
}

/** A contract circuit as its resource check names it. */
export const circuitLabel = (c: ContractCircuit): string => `${c.serviceType} ${c.bandwidthMbps}M ${c.aEnd}${c.zEnd ? ` - ${c.zEnd}` : ''}`;
