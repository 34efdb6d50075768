import { Migration } from '@mikro-orm/migrations';

export class Migration20261201216000_SlaClocks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sla_clock" ("id" uuid not null, "ticket_id" uuid not null, "kind" text check ("kind" in ('RESPONSE', 'RESOLUTION', 'REPORT')) not null, "started_at" timestamptz not null, "due_at" timestamptz not null, "warn_at" timestamptz not null, "state" text check ("state" in ('RUNNING', 'PAUSED', 'MET', 'BREACHED')) not null, "paused_at" timestamptz null, "paused_seconds" int not null default 0, "warned_at" timestamptz null, "breached_at" timestamptz null, "met_at" timestamptz null, "version" int not null default 1, constraint "sla_clock_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "sla_clock_state_due_at_index" on "sla_clock" ("state", "due_at");`);
    this.addSql(`create index "sla_clock_state_warn_at_index" on "sla_clock" ("state", "warn_at");`);
    this.addSql(`alter table "sla_clock" add constraint "sla_clock_ticket_id_kind_unique" unique ("ticket_id", "kind");`);
    this.addSql(`alter table "history_event" drop constraint if exists "history_event_action_check";`);
    this.addSql(
      `alter table "history_event" add constraint "history_event_action_check" check ("action" in ('CREATED', 'UPDATED', 'TRANSITIONED', 'NOTE_ADDED', 'REPORT_SUBMITTED', 'ARCHIVED', 'SLA_WARNING', 'SLA_BREACHED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sla_clock" cascade;`);
    this.addSql(`alter table "history_event" drop constraint if exists "history_event_action_check";`);
    this.addSql(
      `alter table "history_event" add constraint "history_event_action_check" check ("action" in ('CREATED', 'UPDATED', 'TRANSITIONED', 'NOTE_ADDED', 'REPORT_SUBMITTED', 'ARCHIVED'));`,
    );
  }
}
