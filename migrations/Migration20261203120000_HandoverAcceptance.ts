import { Migration } from '@mikro-orm/migrations';

const TEST_KINDS = `'RECORDS', 'TRANSMISSION', 'INTEGRATION', 'WORKMANSHIP', 'SERVICE_DIAL', 'FIBER', 'DUCT', 'ACCESS_EQUIPMENT', 'LINE', 'ASSETS'`;

/**
 * Handover acceptance (交维验收): the acceptance kept beside its ticket, the checks of each round,
 * and the unit maintaining each circuit once its acceptance is approved.
 */
export class Migration20261203120000_HandoverAcceptance extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "handover_acceptance" ("id" uuid not null, "ticket_id" uuid not null, "works" jsonb not null, "contractor_department_id" uuid not null, "contractor_user_id" uuid null, "maintaining_department_id" uuid not null, "documents" jsonb null, "rework_rounds" int not null default 0, "defects" jsonb not null default '[]', "reworks" jsonb not null default '[]', "requested_at" timestamptz not null, "submitted_at" timestamptz null, "approved_at" timestamptz null, "version" int not null default 1, constraint "handover_acceptance_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "handover_acceptance" add constraint "handover_acceptance_ticket_id_unique" unique ("ticket_id");`);
    this.addSql(
      `alter table "handover_acceptance" add constraint "handover_acceptance_contractor_department_id_foreign" foreign key ("contractor_department_id") references "department" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "handover_acceptance" add constraint "handover_acceptance_contractor_user_id_foreign" foreign key ("contractor_user_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "handover_acceptance" add constraint "handover_acceptance_maintaining_department_id_foreign" foreign key ("maintaining_department_id") references "department" ("id") on update cascade;`,
    );
    this.addSql(
      `create table "handover_test" ("id" uuid not null, "acceptance_id" uuid not null, "round" int not null, "kind" text check ("kind" in (${TEST_KINDS})) not null, "passed" boolean not null, "department" varchar(255) not null, "remark" text null, "recorded_at" timestamptz not null, constraint "handover_test_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "handover_test_acceptance_id_round_index" on "handover_test" ("acceptance_id", "round");`);
    this.addSql(`alter table "circuit" add column "maintaining_department_id" uuid null;`);
    this.addSql(
      `alter table "circuit" add constraint "circuit_maintaining_department_id_foreign" foreign key ("maintaining_department_id") references "department" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "circuit" drop constraint "circuit_maintaining_department_id_foreign";`);
    this.addSql(`alter table "circuit" drop column "maintaining_department_id";`);
    this.addSql(`drop table if exists "handover_test" cascade;`);
    this.addSql(`drop table if exists "handover_acceptance" cascade;`);
  }
}
