import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130000_ServiceRequestIntake extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "service_request_intake" ("id" uuid not null, "ticket_id" uuid not null, "answered_in_seconds" int null, "busy" boolean not null default false, "answer_target_seconds" int null, "answer_met" boolean null, "complex" boolean null, "recorded_at" timestamptz not null, "version" int not null default 1, constraint "service_request_intake_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "service_request_intake" add constraint "service_request_intake_ticket_id_unique" unique ("ticket_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_request_intake" cascade;`);
  }
}
