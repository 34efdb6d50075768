import { Migration } from '@mikro-orm/migrations';

/**
 * Circuit provisioning (电路调单与开通) and service closure: each order beside its ticket with its
 * planned step limits, one row per circuit, the projects that group a contract's orders, the
 * administrators' split of the deadline; and circuits may now be `provisioning`.
 */
export class Migration20261203110000_CircuitProvisioning extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "provisioning_circuit" ("id" uuid not null, "order_id" uuid not null, "ticket_id" uuid not null, "circuit_id" uuid not null, "status_before" text not null, "activated_at" timestamptz null, "terminated_at" timestamptz null, "activated_on_time" boolean null, "version" int not null default 1, constraint "provisioning_circuit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "provisioning_circuit_ticket_id_index" on "provisioning_circuit" ("ticket_id");`);
    this.addSql(`create index "provisioning_circuit_circuit_id_index" on "provisioning_circuit" ("circuit_id");`);
    this.addSql(
      `alter table "provisioning_circuit" add constraint "provisioning_circuit_order_id_circuit_id_unique" unique ("order_id", "circuit_id");`,
    );

    this.addSql(
      `create table "provisioning_order" ("id" uuid not null, "ticket_id" uuid not null, "purpose" text check ("purpose" in ('OPEN', 'CLOSE')) not null, "chain" text check ("chain" in ('STANDARD', 'GPRS_VPN', 'CLOSURE')) not null, "level" text check ("level" in ('HQ', 'PROVINCE', 'BRANCH')) not null, "ordered_at" timestamptz not null, "overall_due_at" timestamptz not null, "working_days" int not null, "contract_number" text null, "project_id" uuid null, "reason" text null, "steps" jsonb not null, "completed_at" timestamptz null, "cycle_working_days" int null, "version" int not null default 1, constraint "provisioning_order_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "provisioning_order" add constraint "provisioning_order_ticket_id_unique" unique ("ticket_id");`);
    this.addSql(`create index "provisioning_order_project_id_index" on "provisioning_order" ("project_id");`);
    this.addSql(`create index "provisioning_order_purpose_overall_due_at_index" on "provisioning_order" ("purpose", "overall_due_at");`);

    this.addSql(
      `create table "provisioning_project" ("id" uuid not null, "contract_number" text not null, "name" text not null, "customer_id" uuid not null, "opened_at" timestamptz not null, "archived_at" timestamptz null, "archived_on_ticket_id" uuid null, "archive_note" text null, "version" int not null default 1, constraint "provisioning_project_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "provisioning_project" add constraint "provisioning_project_contract_number_unique" unique ("contract_number");`,
    );

    this.addSql(
      `create table "provisioning_split" ("chain" text not null, "shares" jsonb not null, "updated_at" timestamptz not null, "updated_by_id" uuid null, "version" int not null default 1, constraint "provisioning_split_pkey" primary key ("chain"));`,
    );

    this.addSql(`alter table "circuit" drop constraint if exists "circuit_status_check";`);
    this.addSql(
      `alter table "circuit" add constraint "circuit_status_check" check("status" in ('feasibilityChecked', 'designed', 'reserved', 'provisioning', 'inactive', 'active', 'suspended', 'terminated'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`update "circuit" set "status" = 'reserved' where "status" = 'provisioning';`);
    this.addSql(`alter table "circuit" drop constraint if exists "circuit_status_check";`);
    this.addSql(
      `alter table "circuit" add constraint "circuit_status_check" check("status" in ('feasibilityChecked', 'designed', 'reserved', 'inactive', 'active', 'suspended', 'terminated'));`,
    );
    this.addSql(`drop table if exists "provisioning_split" cascade;`);
    this.addSql(`drop table if exists "provisioning_project" cascade;`);
    this.addSql(`drop table if exists "provisioning_order" cascade;`);
    this.addSql(`drop table if exists "provisioning_circuit" cascade;`);
  }
}
