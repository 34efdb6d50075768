import { Migration } from '@mikro-orm/migrations';

export class Migration20261124211246_SlaOverrides extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sla_override" ("kind" varchar(255) not null, "level" varchar(255) not null, "response" jsonb not null, "resolution" jsonb not null, "report" jsonb null, "updated_at" timestamptz not null, "updated_by_id" uuid null, "version" int not null default 1, constraint "sla_override_pkey" primary key ("kind", "level"));`,
    );

    this.addSql(
      `alter table "sla_override" add constraint "sla_override_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sla_override" cascade;`);
  }
}
