import { createHash } from 'node:crypto';
import { badInput, type DomainError } from '../../shared/domain-error';
import type { ServiceLevel } from '../customers/customer.enums';
import { ReportKind, TicketKind } from '../tickets/ticket.enums';
import type { HistoricalTicketInput } from './import.inputs';

/** What the batch's rows are checked against, read in one statement each. */
export interface ImportLookups {
  customers: ReadonlyMap<string, { id: string; serviceLevel: ServiceLevel }>;
  circuits: ReadonlyMap<string, { id: string; customerId: string }>;
  now: Date;
}

/** A row that passed its checks, with the records its codes name. */
export interface CheckedRow {
  input: HistoricalTicketInput;
  customerId: string;
  serviceLevel: ServiceLevel;
  circuitIds: string[];
  fingerprint: string;
}

/** The report whose delivery an imported ticket records: the two the center is measured on. */
export const importedReportKind: Partial<Record<TicketKind, ReportKind>> = {
  [TicketKind.FAULT]: ReportKind.FAULT,
  [TicketKind.CIRCUIT_DISPATCH]: ReportKind.TEST,
};

/** The times a ticket lived through, in the order they must come. */
const LIFE = ['openedAt', 'respondedAt', 'resolvedAt', 'closedAt'] as const;
type TimeField = (typeof LIFE)[number] | 'reportDeliveredAt' | 'resolutionDueAt' | 'reportDueAt';

const iso = (at: Date) => at.toISOString();

/**
 * Checks one row; the whole batch is refused at the first wrong one, naming the row (from 1, as
 * a spreadsheet counts) and its field (`input[2].resolvedAt`), never echoing its text back.
 */
export function checkRow(input: HistoricalTicketInput, index: number, lookups: ImportLookups): CheckedRow {
  const refuse = (field: string, problem: string): DomainError =>
    badInput(`input[${index}].${field}`, `Row ${index + 1}: ${field} ${problem}`, { row: index + 1, rowField: field });
  const at = (field: TimeField): Date | undefined => input[field] ?? undefined;

  const customer = lookups.customers.get(input.customerCode.trim());
  if (!customer) throw refuse('customerCode', 'names no customer the hub knows');
  const circuitIds: string[] = [];
  for (const [i, code] of input.circuitCodes.entries()) {
    const circuit = lookups.circuits.get(code.trim());
    if (!circuit) throw refuse(`circuitCodes[${i}]`, 'names no circuit the hub knows');
    if (circuit.customerId !== customer.id) throw refuse(`circuitCodes[${i}]`, "is not one of the customer's circuits");
    if (!circuitIds.includes(circuit.id)) circuitIds.push(circuit.id);
  }

  // Times in order, and none after now: history is what already happened.
  let previous: { field: string; at: Date } | null = null;
  for (const field of LIFE) {
    const value = at(field);
    if (!value) continue;
    if (value.getTime() > lookups.now.getTime()) throw refuse(field, `(${iso(value)}) is in the future`);
    if (previous && value.getTime() < previous.at.getTime()) throw refuse(field, `(${iso(value)}) is before ${previous.field}`);
    previous = { field, at: value };
  }
  const delivered = at('reportDeliveredAt');
  if (delivered && delivered.getTime() > lookups.now.getTime()) throw refuse('reportDeliveredAt', `(${iso(delivered)}) is in the future`);
  for (const field of ['reportDeliveredAt', 'resolutionDueAt', 'reportDueAt'] as const) {
    const value = at(field);
    if (value && value.getTime() < input.openedAt.getTime()) throw refuse(field, `(${iso(value)}) is before openedAt`);
  }

  checkKindFacts(input, refuse);
  return {
    input,
    customerId: customer.id,
    serviceLevel: customer.serviceLevel,
    circuitIds,
    fingerprint: fingerprintOf(input),
  };
}

/** What each kind needs, and refuses what it cannot have (a mapping mistake in the export, most likely). */
function checkKindFacts(input: HistoricalTicketInput, refuse: (field: string, problem: string) => DomainError): void {
  const fault = input.kind === TicketKind.FAULT;
  const check = input.kind === TicketKind.RESOURCE_CHECK;
  if (fault && typeof input.serviceAffecting !== 'boolean') throw refuse('serviceAffecting', 'is required for a FAULT');
  if (!fault && input.serviceAffecting != null) throw refuse('serviceAffecting', 'is for faults only');
  if (check) {
    if (input.resourcesToCheck == null) throw refuse('resourcesToCheck', 'is required for a RESOURCE_CHECK');
    if (input.resourcesCheckedOnTime == null) throw refuse('resourcesCheckedOnTime', 'is required for a RESOURCE_CHECK');
    if (input.resourcesCheckedOnTime > input.resourcesToCheck) throw refuse('resourcesCheckedOnTime', 'is more than resourcesToCheck');
  } else {
    if (input.resourcesToCheck != null) throw refuse('resourcesToCheck', 'is for resource checks only');
    if (input.resourcesCheckedOnTime != null) throw refuse('resourcesCheckedOnTime', 'is for resource checks only');
  }
  if (input.kind === TicketKind.CIRCUIT_DISPATCH && input.circuitCodes.length === 0) {
    throw refuse('circuitCodes', 'must name the circuits a provisioning order activates (each is counted)');
  }
  if (!input.reportOwed && input.reportDueAt) throw refuse('reportDueAt', 'is set though reportOwed is false');
  if (input.reportDeliveredAt) {
    if (!importedReportKind[input.kind])
      throw refuse('reportDeliveredAt', 'is for faults (fault report) and provisioning (test report) only');
    if (!input.reportOwed) throw refuse('reportDeliveredAt', 'is set though reportOwed is false');
  }
}

/** The row's facts as a hash: the same externalId sent again with the same facts is the same import. */
export function fingerprintOf(input: HistoricalTicketInput): string {
  const time = (value: Date | undefined | null) => (value ? value.toISOString() : null);
  const facts = [
    input.externalId.trim(),
    input.kind,
    input.customerCode.trim(),
    [...input.circuitCodes.map((c) => c.trim())].sort(),
    input.title,
    input.channel,
    input.priority,
    time(input.openedAt),
    time(input.respondedAt),
    time(input.resolvedAt),
    time(input.closedAt),
    input.serviceAffecting ?? null,
    time(input.resolutionDueAt),
    time(input.reportDueAt),
    input.reportOwed,
    time(input.reportDeliveredAt),
    input.resourcesToCheck ?? null,
    input.resourcesCheckedOnTime ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}
