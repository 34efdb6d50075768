import { BOOTSTRAP_ADMIN_ID } from '../../migrations/Migration20261124210000_BootstrapAdmin';
import { Role } from '../modules/org/role.enum';
import type { Row } from './bulk-insert';
import { givenNames, surnamePinyin, surnames } from './demo-names';
import type { Random } from './random';

export interface SeedUser {
  id: string;
  code: string;
  departmentCode: string;
  roles: Role[];
}

/** Staff per department and what they do there; `admin` and `kx.duty` are always present. */
const staffing: [string, Role[], number][] = [
  ['KX', [Role.RESPONSE_CENTER], 8],
  ['KX', [Role.RESPONSE_CENTER, Role.NETWORK_SERVICE_MANAGER], 6],
  ['SALES', [Role.ACCOUNT_MANAGER], 10],
  ['OPS', [Role.OPERATIONS], 5],
  ['CONS', [Role.CONSTRUCTION], 2],
  ['OPT', [Role.OPTIMIZATION], 2],
  ['PROC', [Role.PROCUREMENT], 1],
  ['TRANS', [Role.MAINTENANCE_UNIT], 2],
  ['REGION', [Role.MAINTENANCE_UNIT], 2],
  ['CONTRACTOR', [Role.CONTRACTOR], 2],
  ['QA', [Role.SUPERVISOR], 1],
  ['KX', [Role.PROCESS_OWNER], 1],
];

export function makeUsers(random: Random, departments: Map<string, string>, now: Date): { users: SeedUser[]; rows: Row[] } {
  const users: SeedUser[] = [];
  const rows: Row[] = [];
  const taken = new Set<string>();
  const add = (code: string, name: string, departmentCode: string, roles: Role[]) => {
    const id = random.uuid();
    users.push({ id, code, departmentCode, roles });
    rows.push({
      id,
      code,
      name,
      email: `${code}@kexiang.example`,
      phone: `139${String(random.int(10000000, 99999999))}`,
      department_id: departments.get(departmentCode) ?? null,
      roles: `{${roles.join(',')}}`,
      created_at: now,
      updated_at: now,
      version: 1,
    });
  };
  add('kx.duty', '客响值班', 'KX', [Role.RESPONSE_CENTER]);
  for (const [departmentCode, roles, count] of staffing) {
    for (let i = 0; i < count; i++) {
      const surname = random.pick(surnames);
      const [given, givenPinyin] = random.pick(givenNames);
      let code = `${surnamePinyin[surname]}.${givenPinyin}`;
      for (let n = 2; taken.has(code); n++) code = `${surnamePinyin[surname]}.${givenPinyin}${n}`;
      taken.add(code);
      add(code, surname + given, departmentCode, roles);
    }
  }
  // `admin` comes from a migration (every install has it); the seeder only knows it exists.
  users.push({
    id: BOOTSTRAP_ADMIN_ID,
    code: 'admin',
    departmentCode: 'KX',
    roles: [Role.ADMIN, Role.PROCESS_OWNER, Role.RESPONSE_CENTER],
  });
  return { users, rows };
}
