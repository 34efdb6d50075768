import { Migration } from '@mikro-orm/migrations';

export class Migration20261124204703_Idempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_record" ("operation" varchar(255) not null, "actor" varchar(255) not null, "key" varchar(255) not null, "result_id" uuid null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("operation", "actor", "key"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
  }
}
