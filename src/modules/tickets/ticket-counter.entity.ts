import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last ticket number handed out in a year; numbers restart each year (KX-2026-000001). */
@Entity({ tableName: 'ticket_counter' })
export class TicketCounter {
  @PrimaryKey({ autoincrement: false })
  year!: number;

  @Property()
  last!: number;
}
