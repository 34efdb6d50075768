import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { User } from '../org/user.entity';
import { TicketKind } from '../tickets/ticket.enums';

/**
 * A ticket brought from the center's earlier system: the mark that it was imported (it ran no
 * procedure here), the old system's id it is found again by, and the facts the measures count
 * that no procedure recorded for it (whether the fault affected service, the resources checked
 * on time, the provisioning cycle). Never changed once written.
 */
@ObjectType('TicketImport', { simpleResolvers: true, description: 'where an imported ticket came from' })
@Entity({ tableName: 'imported_ticket' })
export class ImportedTicket {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: "the ticket's id in the earlier system: importing it again finds this ticket" })
  @Unique()
  @Property({ type: 'text' })
  externalId!: string;

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Enum({ items: () => TicketKind })
  kind!: TicketKind;

  /** a hash of the row as imported: the same externalId sent again with other facts is refused */
  @Property({ type: 'text' })
  fingerprint!: string;

  /** faults: whether it affected service, as the earlier system said */
  @Property({ type: 'boolean', nullable: true })
  serviceAffecting?: boolean | null;

  /** resource checks: resources asked for (an outsourcing item counts as one circuit) */
  @Property({ type: 'int', nullable: true })
  resourcesToCheck?: number | null;

  @Property({ type: 'int', nullable: true })
  resourcesCheckedOnTime?: number | null;

  /** provisioning: working days from the order (openedAt) to its activation (resolvedAt) */
  @Property({ type: 'int', nullable: true })
  cycleWorkingDays?: number | null;

  @Field()
  @Property({ type: 'timestamptz' })
  importedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  importedBy?: Ref<User> | null;

  @Property({ version: true })
  version!: number;
}
