import { Migration } from '@mikro-orm/migrations';

export class Migration20261124191659_Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "department" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(255) not null, "name" varchar(255) not null, constraint "department_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);

    this.addSql(
      `create table "ticket_counter" ("year" int not null, "last" int not null, constraint "ticket_counter_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(255) not null, "name" varchar(255) not null, "email" varchar(255) null, "phone" varchar(255) null, "department_id" uuid not null, "roles" text[] not null, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_code_unique" unique ("code");`);
    this.addSql(`create index "app_user_department_id_index" on "app_user" ("department_id");`);

    this.addSql(
      `create table "history_event" ("id" bigserial primary key, "subject_type" text check ("subject_type" in ('TICKET', 'CUSTOMER', 'CONTACT', 'CIRCUIT')) not null, "subject_id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "action" text check ("action" in ('CREATED', 'UPDATED', 'TRANSITIONED', 'NOTE_ADDED', 'REPORT_SUBMITTED', 'ARCHIVED')) not null, "changes" jsonb not null, "note" text null);`,
    );
    this.addSql(`create index "history_event_subject_type_subject_id_id_index" on "history_event" ("subject_type", "subject_id", "id");`);

    this.addSql(
      `create table "customer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, "code" varchar(255) not null, "name" varchar(255) not null, "industry" varchar(255) not null, "service_level" text check ("service_level" in ('DIAMOND', 'GOLD', 'SILVER', 'BRONZE', 'STANDARD')) not null, "account_manager_id" uuid not null, "network_service_manager_id" uuid null, "cross_region" boolean not null default false, constraint "customer_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "customer" add constraint "customer_code_unique" unique ("code");`);
    this.addSql(`create index "customer_service_level_index" on "customer" ("service_level");`);
    this.addSql(`create index "customer_account_manager_id_index" on "customer" ("account_manager_id");`);
    this.addSql(`create index "customer_network_service_manager_id_index" on "customer" ("network_service_manager_id");`);
    this.addSql(`create index "customer_name_id_index" on "customer" ("name", "id");`);
    this.addSql(`create index "customer_created_at_id_index" on "customer" ("created_at", "id");`);

    this.addSql(
      `create table "ticket" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, "number" varchar(255) not null, "kind" text check ("kind" in ('FAULT', 'COMPLAINT', 'CONSULTATION', 'PRESALES_SUPPORT', 'RESOURCE_CHECK', 'CIRCUIT_DISPATCH', 'CUTOVER_NOTICE', 'HANDOVER_ACCEPTANCE', 'EMERGENCY')) not null, "channel" text check ("channel" in ('PHONE', 'EMAIL', 'ONLINE_MESSAGE', 'LETTER', 'VISIT', 'WEB_FORUM', 'NETWORK_ALARM', 'INTERNAL')) not null, "title" varchar(255) not null, "description" text not null default '', "customer_id" uuid not null, "priority" text check ("priority" in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')) not null default 'MEDIUM', "severity" text check ("severity" in ('ORDINARY', 'MAJOR', 'CRISIS')) null, "status" text check ("status" in ('acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'cancelled', 'rejected')) not null default 'acknowledged', "owner_department_id" uuid not null, "assignee_id" uuid null, "created_by_id" uuid null, "response_due_at" timestamptz not null, "resolution_due_at" timestamptz not null, "report_due_at" timestamptz null, "responded_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, constraint "ticket_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "ticket" add constraint "ticket_number_unique" unique ("number");`);
    this.addSql(`create index "ticket_kind_index" on "ticket" ("kind");`);
    this.addSql(`create index "ticket_customer_id_index" on "ticket" ("customer_id");`);
    this.addSql(`create index "ticket_owner_department_id_index" on "ticket" ("owner_department_id");`);
    this.addSql(`create index "ticket_assignee_id_index" on "ticket" ("assignee_id");`);
    this.addSql(`create index "ticket_status_resolution_due_at_index" on "ticket" ("status", "resolution_due_at");`);
    this.addSql(`create index "ticket_resolution_due_at_id_index" on "ticket" ("resolution_due_at", "id");`);
    this.addSql(`create index "ticket_updated_at_id_index" on "ticket" ("updated_at", "id");`);
    this.addSql(`create index "ticket_created_at_id_index" on "ticket" ("created_at", "id");`);

    this.addSql(
      `create table "ticket_report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "ticket_id" uuid not null, "kind" text check ("kind" in ('FAULT', 'OPERATION', 'TEST')) not null, "title" varchar(255) not null, "content" text not null, "submitted_by_id" uuid null, "submitted_at" timestamptz not null, "on_time" boolean not null, constraint "ticket_report_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "ticket_report_ticket_id_index" on "ticket_report" ("ticket_id");`);

    this.addSql(
      `create table "contact" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "customer_id" uuid not null, "name" varchar(255) not null, "title" varchar(255) null, "phone" varchar(255) null, "email" varchar(255) null, "primary" boolean not null default false, constraint "contact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "contact_customer_id_index" on "contact" ("customer_id");`);

    this.addSql(
      `create table "circuit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, "code" varchar(255) not null, "customer_id" uuid not null, "service_type" text check ("service_type" in ('INTERNET_DEDICATED_LINE', 'DATA_LINE', 'VOICE_LINE', 'GPRS_VPN', 'MPLS_VPN', 'DDN', 'FRAME_RELAY', 'ATM', 'DIGITAL', 'SMS_MMS')) not null, "bandwidth_mbps" double precision not null, "a_end" varchar(255) not null, "z_end" varchar(255) null, "access_technology" text check ("access_technology" in ('FIBER_PTN', 'PON', 'MSAP_SDH', 'WLAN', 'OTN', 'WIRELESS')) not null, "status" text check ("status" in ('feasibilityChecked', 'designed', 'reserved', 'inactive', 'active', 'suspended', 'terminated')) not null default 'feasibilityChecked', constraint "circuit_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "circuit" add constraint "circuit_code_unique" unique ("code");`);
    this.addSql(`create index "circuit_customer_id_index" on "circuit" ("customer_id");`);
    this.addSql(`create index "circuit_status_index" on "circuit" ("status");`);
    this.addSql(`create index "circuit_code_id_index" on "circuit" ("code", "id");`);
    this.addSql(`create index "circuit_created_at_id_index" on "circuit" ("created_at", "id");`);

    this.addSql(
      `create table "ticket_circuit" ("ticket_id" uuid not null, "circuit_id" uuid not null, constraint "ticket_circuit_pkey" primary key ("ticket_id", "circuit_id"));`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "history_event" add constraint "history_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "customer" add constraint "customer_account_manager_id_foreign" foreign key ("account_manager_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "customer" add constraint "customer_network_service_manager_id_foreign" foreign key ("network_service_manager_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "ticket" add constraint "ticket_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ticket" add constraint "ticket_owner_department_id_foreign" foreign key ("owner_department_id") references "department" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ticket" add constraint "ticket_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "ticket" add constraint "ticket_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "ticket_report" add constraint "ticket_report_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "ticket_report" add constraint "ticket_report_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "contact" add constraint "contact_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "circuit" add constraint "circuit_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "ticket_circuit" add constraint "ticket_circuit_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "ticket_circuit" add constraint "ticket_circuit_circuit_id_foreign" foreign key ("circuit_id") references "circuit" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_department_id_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_owner_department_id_foreign";`);

    this.addSql(`alter table "history_event" drop constraint "history_event_actor_id_foreign";`);

    this.addSql(`alter table "customer" drop constraint "customer_account_manager_id_foreign";`);

    this.addSql(`alter table "customer" drop constraint "customer_network_service_manager_id_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_assignee_id_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_created_by_id_foreign";`);

    this.addSql(`alter table "ticket_report" drop constraint "ticket_report_submitted_by_id_foreign";`);

    this.addSql(`alter table "ticket" drop constraint "ticket_customer_id_foreign";`);

    this.addSql(`alter table "contact" drop constraint "contact_customer_id_foreign";`);

    this.addSql(`alter table "circuit" drop constraint "circuit_customer_id_foreign";`);

    this.addSql(`alter table "ticket_report" drop constraint "ticket_report_ticket_id_foreign";`);

    this.addSql(`alter table "ticket_circuit" drop constraint "ticket_circuit_ticket_id_foreign";`);

    this.addSql(`alter table "ticket_circuit" drop constraint "ticket_circuit_circuit_id_foreign";`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "ticket_counter" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "history_event" cascade;`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "ticket" cascade;`);

    this.addSql(`drop table if exists "ticket_report" cascade;`);

    this.addSql(`drop table if exists "contact" cascade;`);

    this.addSql(`drop table if exists "circuit" cascade;`);

    this.addSql(`drop table if exists "ticket_circuit" cascade;`);
  }
}
