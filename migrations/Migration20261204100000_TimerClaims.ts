import { Migration } from '@mikro-orm/migrations';

/**
 * Timers are claimed in batches before they fire: a claim is a lease on the row (which hub, until
 * when), so hubs polling one database take disjoint batches and a crashed hub's claims lapse.
 */
export class Migration20261204100000_TimerClaims extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "process_timer" add column "claimed_by" text null, add column "claimed_until" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "process_timer" drop column "claimed_by", drop column "claimed_until";`);
  }
}
