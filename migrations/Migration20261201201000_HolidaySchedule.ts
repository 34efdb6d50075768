import { Migration } from '@mikro-orm/migrations';

export class Migration20261201201000_HolidaySchedule extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "holiday_schedule" ("id" uuid not null, "year" int not null, "holidays" jsonb not null, "makeup_workdays" jsonb not null, "updated_at" timestamptz not null, "updated_by_id" uuid null, "version" int not null default 1, constraint "holiday_schedule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "holiday_schedule" add constraint "holiday_schedule_year_unique" unique ("year");`);
    this.addSql(
      `alter table "holiday_schedule" add constraint "holiday_schedule_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "history_event" drop constraint if exists "history_event_subject_type_check";`);
    this.addSql(
      `alter table "history_event" add constraint "history_event_subject_type_check" check ("subject_type" in ('TICKET', 'CUSTOMER', 'CONTACT', 'CIRCUIT', 'CALENDAR'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "holiday_schedule" cascade;`);
    this.addSql(`alter table "history_event" drop constraint if exists "history_event_subject_type_check";`);
    this.addSql(
      `alter table "history_event" add constraint "history_event_subject_type_check" check ("subject_type" in ('TICKET', 'CUSTOMER', 'CONTACT', 'CIRCUIT'));`,
    );
  }
}
