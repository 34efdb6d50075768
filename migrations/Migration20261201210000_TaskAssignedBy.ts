import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210000_TaskAssignedBy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "process_task" add column "assigned_by_id" uuid null, add column "assigned_at" timestamptz null;`);
    this.addSql(
      `alter table "process_task" add constraint "process_task_assigned_by_id_foreign" foreign key ("assigned_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "process_task" drop constraint "process_task_assigned_by_id_foreign";`);
    this.addSql(`alter table "process_task" drop column "assigned_by_id", drop column "assigned_at";`);
  }
}
