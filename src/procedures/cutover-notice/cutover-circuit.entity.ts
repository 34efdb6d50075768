import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Circuit } from '../../modules/circuits/circuit.entity';

/**
 * One circuit a cutover affects: the status it had when the window opened (given back when it
 * closes), and what verifying its service found afterwards (a failure opens a fault on it).
 */
@Entity({ tableName: 'cutover_circuit' })
@Unique({ properties: ['cutoverId', 'circuit'] })
export class CutoverCircuit {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  cutoverId!: string;

  @ManyToOne(() => Circuit, { ref: true, index: true })
  circuit!: Ref<Circuit>;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'text', nullable: true })
  statusBefore?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  underCutoverAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  restoredAt?: Date | null;

  @Property({ type: 'boolean', nullable: true })
  verified?: boolean | null;

  @Property({ type: 'uuid', nullable: true })
  faultTicketId?: string | null;
}
