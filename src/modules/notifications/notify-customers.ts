import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';

export interface IncidentNotice {
  ticketId: string;
  /** the affected circuits by code; their customers are the ones told */
  circuitCodes: readonly string[];
  /** what the customers are told of the fault */
  fault: string;
  expectedRecoveryAt: Date | null;
  at: Date;
}

export interface CustomerTold {
  customerId: string;
  customerCode: string;
  circuitCodes: string[];
}

const recovery = (at: Date | null): string =>
  at
    ? `预计恢复 expected recovery ${at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`
    : '恢复时间另行通知 recovery time to follow';

/**
 * Tells each customer whose circuits an incident affects, once per ticket: one row per customer
 * listing that customer's circuits. `on conflict do nothing` keeps a customer told already (an
 * earlier run, a retried step) from being told again; answers only those told now.
 */
export async function notifyCircuitCustomers(em: EntityManager, notice: IncidentNotice): Promise<CustomerTold[]> {
  if (notice.circuitCodes.length === 0) return [];
  const circuits = await execSql<{ code: string; customer_id: string; customer_code: string }>(
    em,
    `select c.code, c.customer_id, k.code as customer_code from circuit c join customer k on k.id = c.customer_id
     where c.code = any(?::text[]) order by k.code, c.code`,
    [notice.circuitCodes],
  );
  const byCustomer = new Map<string, CustomerTold>();
  for (const circuit of circuits) {
    const told = byCustomer.get(circuit.customer_id) ?? {
      customerId: circuit.customer_id,
      customerCode: circuit.customer_code,
      circuitCodes: [],
    };
    told.circuitCodes.push(circuit.code);
    byCustomer.set(circuit.customer_id, told);
  }
  if (byCustomer.size === 0) return [];
  const rows = [...byCustomer.values()].map((told) => ({
    id: randomUUID(),
    customer_id: told.customerId,
    circuit_codes: told.circuitCodes,
    message: `${notice.fault}. 受影响电路 affected circuits: ${told.circuitCodes.join(', ')}. ${recovery(notice.expectedRecoveryAt)}`,
  }));
  const inserted = await execSql<{ customer_id: string }>(
    em,
    `insert into customer_notification (id, ticket_id, customer_id, circuit_codes, message, expected_recovery_at, created_at)
     select r.id, ?, r.customer_id, r.circuit_codes, r.message, ?, ?
     from jsonb_to_recordset(?::jsonb) as r(id uuid, customer_id uuid, circuit_codes jsonb, message text)
     on conflict (ticket_id, customer_id) do nothing returning customer_id`,
    [notice.ticketId, notice.expectedRecoveryAt, notice.at, JSON.stringify(rows)],
  );
  const told = new Set(inserted.map((row) => row.customer_id));
  return [...byCustomer.values()].filter((customer) => told.has(customer.customerId));
}
