import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { ArchivableEntity } from '../../db/base.entity';
import { Customer } from '../customers/customer.entity';
import { Department } from '../org/department.entity';
import { AccessTechnology, CircuitServiceType, CircuitStatus } from './circuit.enums';

/** A dedicated line or service instance (电路/专线) of one customer. */
// Federation keys: a supergraph finds it by these (src/graphql/federation.ts).
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'circuit' })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['code', 'id'] })
export class Circuit extends ArchivableEntity {
  @Field({ description: 'circuit code, unique' })
  @Property()
  @Unique()
  code!: string;

  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @Field(() => CircuitServiceType)
  @Enum({ items: () => CircuitServiceType })
  serviceType!: CircuitServiceType;

  @Field(() => Float, { description: 'bandwidth in Mbit/s' })
  @Property({ type: 'double' })
  bandwidthMbps!: number;

  @Field({ description: 'A end: site or address' })
  @Property()
  aEnd!: string;

  @Field({ nullable: true, description: 'Z end: site or address (none for internet access)' })
  @Property({ nullable: true })
  zEnd?: string;

  @Field(() => AccessTechnology)
  @Enum({ items: () => AccessTechnology })
  accessTechnology!: AccessTechnology;

  @Field(() => CircuitStatus)
  @Enum({ items: () => CircuitStatus })
  @Index()
  status: CircuitStatus = CircuitStatus.feasibilityChecked;

  /** who maintains it, recorded when its handover acceptance (交维验收) is approved: no maintenance vacuum */
  @ManyToOne(() => Department, { ref: true, nullable: true })
  maintainingDepartment?: Ref<Department> | null;
}
