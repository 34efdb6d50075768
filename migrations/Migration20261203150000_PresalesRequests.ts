import { Migration } from '@mikro-orm/migrations';

/** Presales support's request beside its ticket, and how it ended (not developed, resources short, lost, won). */
export class Migration20261203150000_PresalesRequests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "presales_request" ("id" uuid not null, "ticket_id" uuid not null, "needs" text not null, "scope" text check ("scope" in ('LOCAL', 'ONE_STOP', 'IN_PROVINCE')) not null, "coverage_asked" boolean not null, "sites" jsonb not null, "circuits" jsonb not null, "outsourced_services" jsonb not null, "outcome" text check ("outcome" in ('NOT_DEVELOPED', 'NOT_BUILT', 'LOST', 'WON')) null, "ended_at" timestamptz null, "contract_number" text null, "delivery_ticket_ids" jsonb not null, "version" int not null default 1, constraint "presales_request_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "presales_request" add constraint "presales_request_ticket_id_unique" unique ("ticket_id");`);
    this.addSql(`alter table "presales_request" add constraint "presales_request_contract_number_unique" unique ("contract_number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "presales_request" cascade;`);
  }
}
