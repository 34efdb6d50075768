import { Migration } from '@mikro-orm/migrations';

export class Migration20261201214000_InstanceTicket extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "process_instance" add column "ticket_id" uuid null;`);
    this.addSql(`create index "process_instance_ticket_id_index" on "process_instance" ("ticket_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "process_instance_ticket_id_index";`);
    this.addSql(`alter table "process_instance" drop column "ticket_id";`);
  }
}
