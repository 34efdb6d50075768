import { Migration } from '@mikro-orm/migrations';

export class Migration20261201218000_ProvisionalDeadlines extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ticket" add column "deadlines_provisional" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket" drop column "deadlines_provisional";`);
  }
}
