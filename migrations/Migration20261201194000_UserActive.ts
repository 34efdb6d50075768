import { Migration } from '@mikro-orm/migrations';

export class Migration20261201194000_UserActive extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "active" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop column "active";`);
  }
}
