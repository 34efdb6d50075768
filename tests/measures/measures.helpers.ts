import type { TestHub } from '../support/hub';

export const RATE = 'percent parts { name numerator denominator weight }';
export const MEASURE_FIELDS = `key group
  resourceCheckTimeliness { ${RATE} }
  faultRestoreAndReportTimeliness { ${RATE} }
  provisioningTimeliness { ${RATE} }
  perceptionIndex { ${RATE} }
  quarterlyReportTimeliness { ${RATE} }
  averageProvisioningCycleWorkingDays provisioningOrdersCompleted responseWorkDone`;
export const MEASURES = `query($from: Date!, $to: Date!, $groupBy: MeasureGrouping) {
  measures(from: $from, to: $to, groupBy: $groupBy) { ${MEASURE_FIELDS} } }`;
export const IMPORT = `mutation($input: [HistoricalTicketInput!]!) { importTickets(input: $input) {
  imported alreadyImported rows { externalId outcome ticket { id number kind status importedFrom { externalId } procedure { id } } } } }`;

export interface Part {
  name: string;
  numerator: number;
  denominator: number;
  weight: number;
}
export interface RateView {
  percent: number | null;
  parts: Part[];
}
export interface MeasureView {
  key: string;
  group: string;
  resourceCheckTimeliness: RateView;
  faultRestoreAndReportTimeliness: RateView;
  provisioningTimeliness: RateView;
  perceptionIndex: RateView;
  quarterlyReportTimeliness: RateView;
  averageProvisioningCycleWorkingDays: number | null;
  provisioningOrdersCompleted: number;
  responseWorkDone: number;
}

/** Each part as numerator/denominator, for short expectations. */
export const fractions = (rate: RateView): string[] => rate.parts.map((p) => `${p.numerator}/${p.denominator}`);

export async function measures(t: TestHub, from: string, to: string, groupBy = 'CENTER', as?: string | { customerId: string }) {
  return (await t.ok<{ measures: MeasureView[] }>(MEASURES, { from, to, groupBy }, as)).measures;
}

export interface ImportAnswer {
  imported: number;
  alreadyImported: number;
  rows: {
    externalId: string;
    outcome: string;
    ticket: {
      id: string;
      number: string;
      kind: string;
      status: string;
      importedFrom: { externalId: string } | null;
      procedure: { id: string } | null;
    };
  }[];
}

export async function importRows(t: TestHub, rows: Record<string, unknown>[]): Promise<ImportAnswer> {
  return (await t.ok<{ importTickets: ImportAnswer }>(IMPORT, { input: rows })).importTickets;
}

/** An instant in China time: "2026-04-07 09:00" -> ISO. */
export const cst = (local: string): string => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

let sequence = 0;
/** A unique externalId for this run. */
export const ext = (label: string): string => `OLD-${label}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

/** A customer of its own with circuits, made through the API, returning codes the import names. */
export async function customerWithCircuits(
  t: TestHub,
  level: string,
  circuits: number,
): Promise<{ id: string; code: string; circuitCodes: string[] }> {
  const code = `JT-${Date.now().toString(36).toUpperCase()}${(sequence++).toString(36).toUpperCase()}`;
  const { users } = await t.ok<{ users: { id: string; code: string }[] }>('{ users { id code } }');
  const manager = users.find((u) => u.code === 'admin')?.id;
  const created = await t.ok<{ createCustomer: { id: string } }>(
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    { input: { code, name: `客户 ${code}`, industry: 'finance', serviceLevel: level, accountManagerId: manager, crossRegion: false } },
  );
  const circuitCodes: string[] = [];
  for (let i = 0; i < circuits; i++) {
    const circuitCode = `${code}-C${i}`;
    await t.ok('mutation($input: CreateCircuitInput!) { createCircuit(input: $input) { id } }', {
      input: {
        code: circuitCode,
        customerId: created.createCustomer.id,
        serviceType: i % 2 ? 'DATA_LINE' : 'INTERNET_DEDICATED_LINE',
        bandwidthMbps: 100,
        aEnd: '苏州工业园区',
        accessTechnology: i % 2 ? 'PON' : 'FIBER_PTN',
        status: 'active',
      },
    });
    circuitCodes.push(circuitCode);
  }
  return { id: created.createCustomer.id, code, circuitCodes };
}
