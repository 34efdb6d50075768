import { Migration } from '@mikro-orm/migrations';

/** Customers told of an incident on their circuits (emergency response), and the emergency's review report. */
export class Migration20261202120000_CustomerNotifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "customer_notification" ("id" uuid not null, "ticket_id" uuid not null, "customer_id" uuid not null, "circuit_codes" jsonb not null, "message" text not null, "expected_recovery_at" timestamptz null, "created_at" timestamptz not null, constraint "customer_notification_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "customer_notification_customer_id_index" on "customer_notification" ("customer_id");`);
    this.addSql(
      `alter table "customer_notification" add constraint "customer_notification_ticket_id_customer_id_unique" unique ("ticket_id", "customer_id");`,
    );
    this.addSql(
      `alter table "customer_notification" add constraint "customer_notification_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "customer_notification" add constraint "customer_notification_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`,
    );
    this.addSql(`alter table "ticket_report" drop constraint if exists "ticket_report_kind_check";`);
    this.addSql(
      `alter table "ticket_report" add constraint "ticket_report_kind_check" check ("kind" in ('FAULT', 'OPERATION', 'TEST', 'REVIEW'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_notification" cascade;`);
    this.addSql(`alter table "ticket_report" drop constraint if exists "ticket_report_kind_check";`);
    this.addSql(`alter table "ticket_report" add constraint "ticket_report_kind_check" check ("kind" in ('FAULT', 'OPERATION', 'TEST'));`);
  }
}
