import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100000_DeadlineTimers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "process_timer" add column "follows" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "process_timer" drop column "follows";`);
  }
}
