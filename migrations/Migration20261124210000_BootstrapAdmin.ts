import { Migration } from '@mikro-orm/migrations';

/**
 * The first member of staff, so a fresh install has someone who may create users: `admin`, in
 * the response center, with a fixed id. Change its roles or add others through the API.
 */
export const BOOTSTRAP_ADMIN_ID = '00000000-0000-4000-8000-00000000ad01';

export class Migration20261124210000_BootstrapAdmin extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `insert into "app_user" ("id", "created_at", "updated_at", "version", "code", "name", "email", "department_id", "roles")
       select '${BOOTSTRAP_ADMIN_ID}', now(), now(), 1, 'admin', '系统管理员 Administrator', 'admin@kexiang.example', d.id,
              '{ADMIN,PROCESS_OWNER,RESPONSE_CENTER}'
       from "department" d where d.code = 'KX' on conflict ("code") do nothing;`,
    );
  }
}
