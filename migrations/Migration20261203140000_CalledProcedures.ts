import { Migration } from '@mikro-orm/migrations';

/** A procedure's call activity opens a child ticket and instance: both remember their caller. */
export class Migration20261203140000_CalledProcedures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ticket" add column "parent_id" uuid null;`);
    this.addSql(
      `alter table "ticket" add constraint "ticket_parent_id_foreign" foreign key ("parent_id") references "ticket" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "ticket_parent_id_index" on "ticket" ("parent_id");`);
    this.addSql(
      `alter table "process_instance" add column "parent_instance_id" uuid null, add column "called_by_execution_id" text null, add column "called_by_element_id" text null;`,
    );
    this.addSql(`create index "process_instance_parent_instance_id_index" on "process_instance" ("parent_instance_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "process_instance_parent_instance_id_index";`);
    this.addSql(
      `alter table "process_instance" drop column "parent_instance_id", drop column "called_by_execution_id", drop column "called_by_element_id";`,
    );
    this.addSql(`alter table "ticket" drop column "parent_id";`);
  }
}
