import { AccessTechnology, CircuitServiceType, CircuitStatus } from '../modules/circuits/circuit.enums';
import { ServiceLevel } from '../modules/customers/customer.enums';
import { Role } from '../modules/org/role.enum';
import type { Row } from './bulk-insert';
import { customerNames, districts, givenNames, industries, streets, surnames } from './demo-names';
import type { Random } from './random';
import type { SeedUser } from './seed-people';

export interface SeedCustomer {
  id: string;
  level: ServiceLevel;
  circuitIds: string[];
}

const levels: [ServiceLevel, number][] = [
  [ServiceLevel.DIAMOND, 4],
  [ServiceLevel.GOLD, 10],
  [ServiceLevel.SILVER, 14],
  [ServiceLevel.BRONZE, 16],
  [ServiceLevel.STANDARD, 16],
];
const serviceTypes: [CircuitServiceType, number][] = [
  [CircuitServiceType.INTERNET_DEDICATED_LINE, 40],
  [CircuitServiceType.DATA_LINE, 25],
  [CircuitServiceType.MPLS_VPN, 15],
  [CircuitServiceType.VOICE_LINE, 6],
  [CircuitServiceType.GPRS_VPN, 5],
  [CircuitServiceType.DIGITAL, 3],
  [CircuitServiceType.SMS_MMS, 3],
  [CircuitServiceType.DDN, 1],
  [CircuitServiceType.FRAME_RELAY, 1],
  [CircuitServiceType.ATM, 1],
];
const bandwidths = [2, 10, 20, 50, 100, 200, 500, 1000, 10000];
const abbreviation: Record<CircuitServiceType, string> = {
  INTERNET_DEDICATED_LINE: 'IDL',
  DATA_LINE: 'DL',
  VOICE_LINE: 'VL',
  GPRS_VPN: 'GPRS',
  MPLS_VPN: 'MPLS',
  DDN: 'DDN',
  FRAME_RELAY: 'FR',
  ATM: 'ATM',
  DIGITAL: 'DC',
  SMS_MMS: 'SMS',
};

export interface CustomerRows {
  customers: SeedCustomer[];
  customerRows: Row[];
  contactRows: Row[];
  circuitRows: Row[];
}

/** About 60 customers across levels and industries, 1-3 contacts each, about 400 circuits. */
export function makeCustomers(random: Random, users: SeedUser[], createdAt: Date): CustomerRows {
  const managers = users.filter((u) => u.roles.includes(Role.ACCOUNT_MANAGER));
  const serviceManagers = users.filter((u) => u.roles.includes(Role.NETWORK_SERVICE_MANAGER));
  const out: CustomerRows = { customers: [], customerRows: [], contactRows: [], circuitRows: [] };
  const base = { created_at: createdAt, updated_at: createdAt, version: 1 };
  let customerNo = 0;
  let circuitNo = 0;
  for (const [level, count] of levels) {
    for (let i = 0; i < count; i++) {
      customerNo++;
      const industry = random.pick(industries);
      const id = random.uuid();
      const important = level === ServiceLevel.DIAMOND || level === ServiceLevel.GOLD;
      out.customerRows.push({
        ...base,
        id,
        code: `JT-SZ-${String(customerNo).padStart(4, '0')}`,
        name: `${random.pick(customerNames[industry])}(${random.pick(districts)}${customerNo})`,
        industry,
        service_level: level,
        account_manager_id: random.pick(managers).id,
        network_service_manager_id: important || random.chance(0.3) ? random.pick(serviceManagers).id : null,
        cross_region: important ? random.chance(0.5) : random.chance(0.1),
        archived_at: null,
      });
      for (let c = 0, n = random.int(1, 3); c < n; c++) {
        out.contactRows.push({
          ...base,
          id: random.uuid(),
          customer_id: id,
          name: random.pick(surnames) + random.pick(givenNames)[0],
          title: random.pick(['信息中心主任', '网络工程师', '行政主管', 'IT经理']),
          phone: `0512-${random.int(60000000, 69999999)}`,
          email: null,
          primary: c === 0,
        });
      }
      const customer: SeedCustomer = { id, level, circuitIds: [] };
      const circuits = important ? random.int(8, 14) : random.int(3, 7);
      for (let c = 0; c < circuits; c++) {
        circuitNo++;
        const type = random.weighted(serviceTypes);
        const circuitId = random.uuid();
        customer.circuitIds.push(circuitId);
        out.circuitRows.push({
          ...base,
          id: circuitId,
          code: `SZ-${abbreviation[type]}-${String(circuitNo).padStart(6, '0')}`,
          customer_id: id,
          service_type: type,
          bandwidth_mbps: random.pick(bandwidths),
          a_end: `苏州${random.pick(districts)}${random.pick(streets)}${random.int(1, 999)}号`,
          z_end: type === CircuitServiceType.INTERNET_DEDICATED_LINE ? null : `苏州${random.pick(districts)}汇聚机房${random.int(1, 40)}`,
          access_technology: random.weighted([
            [AccessTechnology.FIBER_PTN, 50],
            [AccessTechnology.PON, 25],
            [AccessTechnology.MSAP_SDH, 15],
            [AccessTechnology.OTN, 7],
            [AccessTechnology.WLAN, 3],
          ]),
          status: random.weighted([
            [CircuitStatus.active, 85],
            [CircuitStatus.suspended, 4],
            [CircuitStatus.reserved, 4],
            [CircuitStatus.designed, 3],
            [CircuitStatus.terminated, 4],
          ]),
          archived_at: null,
        });
      }
      out.customers.push(customer);
    }
  }
  return out;
}
