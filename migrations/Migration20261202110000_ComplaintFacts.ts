import { Migration } from '@mikro-orm/migrations';

/** The complaint-handling procedure's facts beside each complaint, counted by matter within 30 days. */
export class Migration20261202110000_ComplaintFacts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "complaint_facts" ("id" uuid not null, "ticket_id" uuid not null, "matter" text not null, "matter_key" text not null, "affected_sites" int not null, "safety_risk" boolean not null, "public_exposure_risk" boolean not null, "mass_incident" boolean not null, "same_matter_count" int not null, "grade_reasons" jsonb not null, "opened_at" timestamptz not null, "version" int not null default 1, constraint "complaint_facts_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "complaint_facts" add constraint "complaint_facts_ticket_id_unique" unique ("ticket_id");`);
    this.addSql(`create index "complaint_facts_matter_key_opened_at_index" on "complaint_facts" ("matter_key", "opened_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "complaint_facts" cascade;`);
  }
}
