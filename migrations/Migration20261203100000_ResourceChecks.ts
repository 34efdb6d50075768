import { Migration } from '@mikro-orm/migrations';

/**
 * 资源核查: the request kept beside a RESOURCE_CHECK ticket, one row per resource (for 资源核查及时率),
 * one per new-build quote round; and the departments the procedure offers work to that were missing.
 */
const departments: [string, string][] = [
  ['MCONS', '移动网络公司网络建设部 Mobile Network Construction'],
  ['PKX', '省公司集团客户响应中心 Provincial Response Center'],
];

export class Migration20261203100000_ResourceChecks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "resource_check" ("id" uuid not null, "ticket_id" uuid not null, "scope" text check ("scope" in ('LOCAL', 'ONE_STOP', 'IN_PROVINCE')) not null, "coverage_asked" boolean not null, "sites" jsonb not null, "requested_at" timestamptz not null, "branch_review" text null, "forwarded_at" timestamptz null, "answered_at" timestamptz null, "network_ready" boolean null, "optimization_needed" boolean null, "resources_sufficient" boolean null, "investment_cny" int null, "duration_days" int null, "purchase_cycle_days" int null, "answer_summary" text null, "version" int not null default 1, constraint "resource_check_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "resource_check" add constraint "resource_check_ticket_id_unique" unique ("ticket_id");`);
    this.addSql(
      `create table "checked_resource" ("id" uuid not null, "check_id" uuid not null, "position" int not null, "kind" text check ("kind" in ('CIRCUIT', 'OUTSOURCING_SERVICE')) not null, "name" text not null, "site" text null, "checked_at" timestamptz null, "checked_on_time" boolean null, constraint "checked_resource_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "checked_resource_check_id_index" on "checked_resource" ("check_id");`);
    this.addSql(
      `alter table "checked_resource" add constraint "checked_resource_check_id_position_unique" unique ("check_id", "position");`,
    );
    this.addSql(
      `create table "build_quote" ("id" uuid not null, "check_id" uuid not null, "part" text check ("part" in ('NETWORK', 'MOBILE')) not null, "round" int not null, "works" text not null, "investment_cny" int not null, "equipment_cost_cny" int null, "purchase_cycle_days" int null, "new_ducts" boolean not null, "duct_days" int null, "fiber_days" int null, "cpe_days" int null, "total_days" int not null, "coordination" text null, "over_rule" boolean not null, "findings" jsonb not null, "decision" text check ("decision" in ('PUSH_BACK', 'ACCEPT')) null, "decision_reason" text null, "quoted_at" timestamptz not null, constraint "build_quote_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "build_quote_check_id_index" on "build_quote" ("check_id");`);
    this.addSql(`alter table "build_quote" add constraint "build_quote_check_id_part_round_unique" unique ("check_id", "part", "round");`);
    for (const [code, name] of departments) {
      this.addSql(
        `insert into "department" ("id", "created_at", "updated_at", "version", "code", "name")
         values (gen_random_uuid(), now(), now(), 1, '${code}', '${name}') on conflict ("code") do nothing;`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "build_quote" cascade;`);
    this.addSql(`drop table if exists "checked_resource" cascade;`);
    this.addSql(`drop table if exists "resource_check" cascade;`);
  }
}
