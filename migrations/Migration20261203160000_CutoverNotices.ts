import { Migration } from '@mikro-orm/migrations';

/**
 * Cutover notices (割接预通告): each cutover beside its ticket, one notice per affected customer
 * with its deadline and answer, one row per affected circuit (its status before the window and
 * its verification), the administrators' lead-time policy; and circuits may now be `underCutover`.
 */
export class Migration20261203160000_CutoverNotices extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "cutover_policy" ("id" varchar(255) not null default 'default', "working_days" jsonb not null, "emergency_hours" int not null, "updated_at" timestamptz not null, "updated_by_id" uuid null, "version" int not null default 1, constraint "cutover_policy_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "cutover" ("id" uuid not null, "ticket_id" uuid not null, "kind" text check ("kind" in ('ADJUSTMENT', 'CUTOVER', 'LINE_REWORK', 'UPGRADE')) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "emergency" boolean not null, "reason" text null, "needs_approval" boolean not null, "status" text check ("status" in ('AWAITING_APPROVAL', 'REFUSED', 'NOTIFYING', 'RESCHEDULING', 'UNDER_WAY', 'VERIFYING', 'COMPLETED', 'CANCELLED')) not null, "round" int not null default 1, "network_team" text not null, "requested_at" timestamptz not null, "requested_by_id" uuid null, "decided_at" timestamptz null, "decision_reason" text null, "verified_at" timestamptz null, "version" int not null default 1, constraint "cutover_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "cutover" add constraint "cutover_ticket_id_unique" unique ("ticket_id");`);
    this.addSql(
      `create table "cutover_notice" ("id" uuid not null, "cutover_id" uuid not null, "customer_id" uuid not null, "account_manager_id" uuid null, "service_level" text check ("service_level" in ('DIAMOND', 'GOLD', 'SILVER', 'BRONZE', 'STANDARD')) not null, "cross_region" boolean not null, "circuit_ids" jsonb not null, "lead_working_days" int null, "lead_hours" int null, "notify_by" date not null, "notify_due_at" timestamptz not null, "remind_at" timestamptz not null, "round" int not null, "status" text check ("status" in ('PLANNED', 'PENDING', 'OPEN', 'TOLD', 'REFUSED', 'MISSED', 'CANCELLED')) not null, "times_told" int not null default 0, "told_at" timestamptz null, "customer_agrees" boolean null, "refusal_reason" text null, "instance_id" uuid null, "chased_at" timestamptz null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "cutover_notice_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cutover_notice_customer_id_index" on "cutover_notice" ("customer_id");`);
    this.addSql(`create index "cutover_notice_notify_by_index" on "cutover_notice" ("notify_by");`);
    this.addSql(`create index "cutover_notice_instance_id_index" on "cutover_notice" ("instance_id");`);
    this.addSql(
      `alter table "cutover_notice" add constraint "cutover_notice_cutover_id_customer_id_unique" unique ("cutover_id", "customer_id");`,
    );
    this.addSql(
      `create table "cutover_circuit" ("id" uuid not null, "cutover_id" uuid not null, "circuit_id" uuid not null, "customer_id" uuid not null, "status_before" text null, "under_cutover_at" timestamptz null, "restored_at" timestamptz null, "verified" boolean null, "fault_ticket_id" uuid null, constraint "cutover_circuit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cutover_circuit_circuit_id_index" on "cutover_circuit" ("circuit_id");`);
    this.addSql(
      `alter table "cutover_circuit" add constraint "cutover_circuit_cutover_id_circuit_id_unique" unique ("cutover_id", "circuit_id");`,
    );
    this.addSql(
      `alter table "cutover_policy" add constraint "cutover_policy_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cutover" add constraint "cutover_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cutover_notice" add constraint "cutover_notice_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "cutover_notice" add constraint "cutover_notice_account_manager_id_foreign" foreign key ("account_manager_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cutover_circuit" add constraint "cutover_circuit_circuit_id_foreign" foreign key ("circuit_id") references "circuit" ("id") on update cascade;`,
    );
    this.addSql(`alter table "circuit" drop constraint if exists "circuit_status_check";`);
    this.addSql(
      `alter table "circuit" add constraint "circuit_status_check" check("status" in ('feasibilityChecked', 'designed', 'reserved', 'provisioning', 'inactive', 'active', 'underCutover', 'suspended', 'terminated'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cutover_circuit" cascade;`);
    this.addSql(`drop table if exists "cutover_notice" cascade;`);
    this.addSql(`drop table if exists "cutover" cascade;`);
    this.addSql(`drop table if exists "cutover_policy" cascade;`);
    this.addSql(`update "circuit" set "status" = 'active' where "status" = 'underCutover';`);
    this.addSql(`alter table "circuit" drop constraint if exists "circuit_status_check";`);
    this.addSql(
      `alter table "circuit" add constraint "circuit_status_check" check("status" in ('feasibilityChecked', 'designed', 'reserved', 'provisioning', 'inactive', 'active', 'suspended', 'terminated'));`,
    );
  }
}
