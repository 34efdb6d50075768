import { Migration } from '@mikro-orm/migrations';

export class Migration20261124200634_Processes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "process_definition" ("id" uuid not null, "key" varchar(255) not null, "version" int not null, "name" varchar(255) null, "sha256" varchar(255) not null, "xml" text not null, "elements" jsonb not null, "messages" jsonb not null, "serialized_source" text not null, "deployed_at" timestamptz not null, "deployed_by_id" uuid null, "source" varchar(255) null, constraint "process_definition_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "process_definition" add constraint "process_definition_key_version_unique" unique ("key", "version");`);

    this.addSql(
      `create table "process_instance" ("id" uuid not null, "definition_id" uuid not null, "process_key" varchar(255) not null, "definition_version" int not null, "business_key" varchar(255) null, "status" text check ("status" in ('RUNNING', 'WAITING', 'COMPLETED', 'INCIDENT', 'CANCELLED')) not null, "variables" jsonb not null, "state" jsonb null, "waiting" jsonb not null, "incident_data" jsonb null, "started_at" timestamptz not null, "ended_at" timestamptz null, "updated_at" timestamptz not null, "started_by_id" uuid null, "cancel_reason" text null, "lock_version" int not null default 1, constraint "process_instance_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "process_instance_definition_id_index" on "process_instance" ("definition_id");`);
    this.addSql(`create index "process_instance_business_key_index" on "process_instance" ("business_key");`);
    this.addSql(`create index "process_instance_status_started_at_index" on "process_instance" ("status", "started_at");`);

    this.addSql(
      `create table "process_timer" ("id" uuid not null, "instance_id" uuid not null, "element_id" varchar(255) not null, "execution_id" varchar(255) not null, "due_at" timestamptz not null, "status" text check ("status" in ('PENDING', 'FIRED', 'CANCELLED')) not null, "fired_at" timestamptz null, constraint "process_timer_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "process_timer_instance_id_index" on "process_timer" ("instance_id");`);
    this.addSql(`create index "process_timer_status_due_at_index" on "process_timer" ("status", "due_at");`);

    this.addSql(
      `create table "process_task" ("id" uuid not null, "instance_id" uuid not null, "element_id" varchar(255) not null, "execution_id" varchar(255) not null, "name" varchar(255) null, "status" text check ("status" in ('OPEN', 'COMPLETED', 'CANCELLED')) not null, "candidate_department" varchar(255) null, "candidate_role" varchar(255) null, "assignee_id" uuid null, "form_fields" jsonb not null, "due_at" timestamptz null, "created_at" timestamptz not null, "completed_at" timestamptz null, "completed_by_id" uuid null, "output" jsonb null, "overdue_notified_at" timestamptz null, "version" int not null default 1, constraint "process_task_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "process_task_instance_id_index" on "process_task" ("instance_id");`);
    this.addSql(`create index "process_task_status_assignee_id_index" on "process_task" ("status", "assignee_id");`);
    this.addSql(`create index "process_task_status_candidate_department_index" on "process_task" ("status", "candidate_department");`);

    this.addSql(
      `create table "process_activity" ("id" bigserial primary key, "instance_id" uuid not null, "element_id" varchar(255) not null, "execution_id" varchar(255) not null, "type" varchar(255) not null, "name" varchar(255) null, "entered_at" timestamptz not null, "left_at" timestamptz null, "completed_by_id" uuid null);`,
    );
    this.addSql(`create index "process_activity_instance_id_id_index" on "process_activity" ("instance_id", "id");`);

    this.addSql(
      `alter table "process_definition" add constraint "process_definition_deployed_by_id_foreign" foreign key ("deployed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "process_instance" add constraint "process_instance_definition_id_foreign" foreign key ("definition_id") references "process_definition" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "process_instance" add constraint "process_instance_started_by_id_foreign" foreign key ("started_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "process_timer" add constraint "process_timer_instance_id_foreign" foreign key ("instance_id") references "process_instance" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "process_task" add constraint "process_task_instance_id_foreign" foreign key ("instance_id") references "process_instance" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "process_task" add constraint "process_task_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "process_task" add constraint "process_task_completed_by_id_foreign" foreign key ("completed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "process_activity" add constraint "process_activity_instance_id_foreign" foreign key ("instance_id") references "process_instance" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "process_activity" add constraint "process_activity_completed_by_id_foreign" foreign key ("completed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "process_instance" drop constraint "process_instance_definition_id_foreign";`);

    this.addSql(`alter table "process_timer" drop constraint "process_timer_instance_id_foreign";`);

    this.addSql(`alter table "process_task" drop constraint "process_task_instance_id_foreign";`);

    this.addSql(`alter table "process_activity" drop constraint "process_activity_instance_id_foreign";`);

    this.addSql(`drop table if exists "process_definition" cascade;`);

    this.addSql(`drop table if exists "process_instance" cascade;`);

    this.addSql(`drop table if exists "process_timer" cascade;`);

    this.addSql(`drop table if exists "process_task" cascade;`);

    this.addSql(`drop table if exists "process_activity" cascade;`);
  }
}
