import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';

/** More codes than any one incident names: a form past it is a mistake, not an incident. */
export const MAX_AFFECTED_CIRCUITS = 500;

/** The circuit codes a form names: separated by commas, semicolons or blanks (half- or full-width), each once. */
export function circuitCodesIn(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [...new Set(value.split(/[\s,，;；、]+/).filter(Boolean))];
}

/** The codes the assessment named, else the ticket's own circuits. */
export async function affectedCircuitCodes(em: EntityManager, ticketId: string, named: unknown): Promise<string[]> {
  const codes = circuitCodesIn(named);
  if (codes.length > 0) return codes;
  const rows = await execSql<{ code: string }>(
    em,
    'select c.code from ticket_circuit tc join circuit c on c.id = tc.circuit_id where tc.ticket_id = ? order by c.code',
    [ticketId],
  );
  return rows.map((row) => row.code);
}

/** Codes among `codes` no circuit has. */
export async function unknownCircuitCodes(em: EntityManager, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await execSql<{ code: string }>(em, 'select code from circuit where code = any(?::text[])', [codes]);
  const known = new Set(rows.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}
