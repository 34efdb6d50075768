import { Migration } from '@mikro-orm/migrations';

export class Migration20261201212000_DeployProvenance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "process_definition" add column "comment" text null, add column "changes" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "process_definition" drop column "comment", drop column "changes";`);
  }
}
