import { Migration } from '@mikro-orm/migrations';

/**
 * Attachments (proposals, as-built drawings, test reports, acceptance forms), their bytes in a
 * bytea column: the embedded database (PGlite) has no large objects. The trigger is the promise
 * that a document on file is never deleted and never changes: not by the hub, not by hand in psql.
 */
export class Migration20261203130000_Attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "attachment" ("id" uuid not null, "name" text not null, "content_type" text not null, "size" int not null, "sha256" text not null, "content" bytea not null, "uploaded_by_id" uuid not null, "uploaded_at" timestamptz not null, "ticket_id" uuid null, "attached_at" timestamptz null, constraint "attachment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "attachment_ticket_id_index" on "attachment" ("ticket_id");`);
    this.addSql(
      `alter table "attachment" add constraint "attachment_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade on delete restrict;`,
    );
    // Fires only when an UPDATE names these columns, so attaching (ticket_id, attached_at) never
    // reads a large bytea back to compare it.
    this.addSql(`create function "attachment_keep"() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    raise exception 'attachments are never deleted' using errcode = 'restrict_violation';
  end if;
  if tg_op = 'DELETE' then
    raise exception 'attachment % is never deleted', old.id using errcode = 'restrict_violation';
  end if;
  if new.id is distinct from old.id or new.content is distinct from old.content or new.sha256 is distinct from old.sha256
     or new.size is distinct from old.size then
    raise exception 'the bytes of attachment % never change', old.id using errcode = 'restrict_violation';
  end if;
  if old.ticket_id is not null and new.ticket_id is distinct from old.ticket_id then
    raise exception 'attachment % stays on ticket %', old.id, old.ticket_id using errcode = 'restrict_violation';
  end if;
  return new;
end $$;`);
    this.addSql(
      `create trigger "attachment_keep" before update of "id", "content", "sha256", "size", "ticket_id" or delete on "attachment" for each row execute function "attachment_keep"();`,
    );
    this.addSql(
      `create trigger "attachment_keep_all" before truncate on "attachment" for each statement execute function "attachment_keep"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);
    this.addSql(`drop function if exists "attachment_keep"();`);
  }
}
