import 'reflect-metadata';
import { openHubDatabase } from '../composition/database';
import { loadConfig } from '../config/config';
import { findById, isUuid } from '../db/find-by-id';
import { signToken } from '../modules/auth/tokens';
import { Customer } from '../modules/customers/customer.entity';
import type { Role } from '../modules/org/role.enum';
import { User } from '../modules/org/user.entity';

const USAGE = 'npm run token -- --user <code> | --role <ROLE> | --customer <code or id>  [--ttl 12h]';

/**
 * Prints a development token signed with JWT_SECRET. `--user` needs no database; `--role` and
 * a customer code look the database up (stop a hub on the embedded database first).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const config = loadConfig();
  const ttl = flag('--ttl') ?? '12h';
  const user = flag('--user');
  if (user) return print(await signToken({ sub: user, kind: 'staff' }, config.jwtSecret, ttl));
  const customer = flag('--customer');
  if (customer && isUuid(customer))
    return print(await signToken({ sub: `customer:${customer}`, kind: 'customer', customerId: customer }, config.jwtSecret, ttl));
  const role = flag('--role');
  if (!role && !customer) throw new Error(USAGE);
  const database = await openHubDatabase(config);
  try {
    const em = database.orm.em.fork();
    if (role) {
      const found = await em.findOne(User, { roles: { $contains: [role as Role] } }, { orderBy: { code: 'asc' } });
      if (!found) throw new Error(`No user has the role ${role}`);
      return print(await signToken({ sub: found.code, kind: 'staff' }, config.jwtSecret, ttl), `(${found.code})`);
    }
    const found = (await em.findOne(Customer, { code: customer })) ?? (customer ? await findById(em, Customer, customer) : null);
    if (!found) throw new Error(`No customer ${customer}`);
    return print(
      await signToken({ sub: `customer:${found.code}`, kind: 'customer', customerId: found.id }, config.jwtSecret, ttl),
      `(${found.name})`,
    );
  } finally {
    await database.close();
  }
}

function print(token: string, note?: string): void {
  console.log(token);
  if (note) console.error(note);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
