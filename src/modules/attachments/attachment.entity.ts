import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../org/user.entity';
import { Ticket } from '../tickets/ticket.entity';

/**
 * A document the center keeps with a ticket: a proposal, an as-built drawing, a test report, an
 * acceptance form. Never deleted and its bytes never change: a database trigger refuses both, so
 * what a customer signed is what stays on file. Uploaded first, attached to one ticket after (by
 * `attachToTicket` or a task's `attachments` form field); once attached it stays there.
 */
@ObjectType({
  simpleResolvers: true,
  description: 'a document kept with a ticket (proposal, as-built drawing, test report, acceptance form)',
})
@Entity({ tableName: 'attachment' })
export class Attachment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'the file name it was uploaded with' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'the media type, checked against the bytes when uploaded' })
  @Property({ type: 'text' })
  contentType!: string;

  @Field(() => Int, { description: 'in bytes' })
  @Property({ type: 'integer' })
  size!: number;

  @Field({ description: 'SHA-256 of the bytes, hex' })
  @Property({ type: 'text' })
  sha256!: string;

  /** The bytes (bytea, not a large object: the embedded database has none). Read only by a download. */
  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @ManyToOne(() => User, { ref: true })
  uploadedBy!: Ref<User>;

  @Field()
  @Property({ type: 'timestamptz' })
  uploadedAt!: Date;

  // Not a GraphQL field: an attachment is read from its ticket, which the reader may already see. A
  // ticket is archived, never deleted; one with documents on file cannot be deleted at all.
  @ManyToOne(() => Ticket, { ref: true, nullable: true, deleteRule: 'restrict' })
  @Index()
  ticket?: Ref<Ticket> | null;

  @Field(() => Date, { nullable: true, description: 'when it was attached to its ticket' })
  @Property({ type: 'timestamptz', nullable: true })
  attachedAt?: Date | null;
}
