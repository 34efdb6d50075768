import { Migration } from '@mikro-orm/migrations';

export class Migration20261201200000_IdempotencyRequestHash extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_record" add column "request_hash" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idempotency_record" drop column "request_hash";`);
  }
}
