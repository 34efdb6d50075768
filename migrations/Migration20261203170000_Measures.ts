import { Migration } from '@mikro-orm/migrations';

/**
 * The center's measures and quarterly report: whether a fault affects service (fault-handling),
 * tickets imported from an earlier system, the quarterly report's narrative sections and its
 * submissions; history records the sections' versions.
 */
export class Migration20261203170000_Measures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "fault_facts" ("id" uuid not null, "ticket_id" uuid not null, "service_affecting" boolean not null, "source" text check ("source" in ('ALARM', 'ACKNOWLEDGE')) not null, "recorded_at" timestamptz not null, "version" int not null default 1, constraint "fault_facts_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "fault_facts" add constraint "fault_facts_ticket_id_unique" unique ("ticket_id");`);

    this.addSql(
      `create table "quarterly_report_section" ("id" uuid not null, "year" int not null, "quarter" int not null, "section" text check ("section" in ('TYPICAL_CASES', 'PROBLEMS_AND_SUGGESTIONS', 'NEXT_QUARTER_PLAN')) not null, "text" text not null, "saved_at" timestamptz not null, "saved_by_id" uuid null, "version" int not null default 1, constraint "quarterly_report_section_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "quarterly_report_section" add constraint "quarterly_report_section_year_quarter_section_unique" unique ("year", "quarter", "section");`,
    );

    this.addSql(
      `create table "quarterly_report" ("id" uuid not null, "year" int not null, "quarter" int not null, "due_at" timestamptz not null, "submitted_at" timestamptz not null, "submitted_by_id" uuid null, "on_time" boolean not null, "figures" jsonb not null, "version" int not null default 1, constraint "quarterly_report_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_year_quarter_unique" unique ("year", "quarter");`);

    this.addSql(
      `create table "imported_ticket" ("id" uuid not null, "external_id" text not null, "ticket_id" uuid not null, "kind" text check ("kind" in ('FAULT', 'COMPLAINT', 'CONSULTATION', 'PRESALES_SUPPORT', 'RESOURCE_CHECK', 'CIRCUIT_DISPATCH', 'CUTOVER_NOTICE', 'HANDOVER_ACCEPTANCE', 'EMERGENCY')) not null, "fingerprint" text not null, "service_affecting" boolean null, "resources_to_check" int null, "resources_checked_on_time" int null, "cycle_working_days" int null, "imported_at" timestamptz not null, "imported_by_id" uuid null, "version" int not null default 1, constraint "imported_ticket_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "imported_ticket" add constraint "imported_ticket_external_id_unique" unique ("external_id");`);
    this.addSql(`alter table "imported_ticket" add constraint "imported_ticket_ticket_id_unique" unique ("ticket_id");`);

    this.addSql(
      `alter table "quarterly_report_section" add constraint "quarterly_report_section_saved_by_id_foreign" foreign key ("saved_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "quarterly_report" add constraint "quarterly_report_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "imported_ticket" add constraint "imported_ticket_imported_by_id_foreign" foreign key ("imported_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "history_event" drop constraint if exists "history_event_subject_type_check";`);
    this.addSql(
      `alter table "history_event" add constraint "history_event_subject_type_check" check ("subject_type" in ('TICKET', 'CUSTOMER', 'CONTACT', 'CIRCUIT', 'CALENDAR', 'QUARTERLY_REPORT'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fault_facts" cascade;`);
    this.addSql(`drop table if exists "quarterly_report_section" cascade;`);
    this.addSql(`drop table if exists "quarterly_report" cascade;`);
    this.addSql(`drop table if exists "imported_ticket" cascade;`);
    this.addSql(`alter table "history_event" drop constraint if exists "history_event_subject_type_check";`);
    this.addSql(
      `alter table "history_event" add constraint "history_event_subject_type_check" check ("subject_type" in ('TICKET', 'CUSTOMER', 'CONTACT', 'CIRCUIT', 'CALENDAR'));`,
    );
  }
}
