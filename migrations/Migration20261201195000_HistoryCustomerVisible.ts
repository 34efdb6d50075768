import { Migration } from '@mikro-orm/migrations';

export class Migration20261201195000_HistoryCustomerVisible extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "history_event" add column "customer_visible" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "history_event" drop column "customer_visible";`);
  }
}
