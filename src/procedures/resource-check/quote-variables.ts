import { QuotePart } from './resource-check.enums';

/**
 * The diagram's form fields of one new-build part, by name. The fixed network and the mobile
 * branch run in parallel, and every form answer becomes an instance variable, so each branch's
 * fields carry its own prefix (`networkTotalDays`, `mobileTotalDays`).
 */
export function quoteFieldsOf(part: QuotePart) {
  const p = part === QuotePart.NETWORK ? 'network' : 'mobile';
  return {
    equipmentCostCny: `${p}EquipmentCostCny`,
    purchaseCycleDays: `${p}PurchaseCycleDays`,
    works: `${p}Works`,
    investmentCny: `${p}InvestmentCny`,
    newDucts: `${p}NewDucts`,
    ductDays: `${p}DuctDays`,
    fiberDays: `${p}FiberDays`,
    cpeDays: `${p}CpeDays`,
    totalDays: `${p}TotalDays`,
    coordination: `${p}Coordination`,
    overRule: `${p}OverRule`,
    findings: `${p}RuleFindings`,
    decision: `${p}Decision`,
    decisionReason: `${p}DecisionReason`,
  } as const;
}

/** A new-build quote as the instance's variables hold it (procurement's figures included). */
export interface QuoteVariables {
  works: string;
  investmentCny: number;
  equipmentCostCny: number | null;
  purchaseCycleDays: number | null;
  newDucts: boolean;
  ductDays: number | null;
  fiberDays: number | null;
  cpeDays: number | null;
  totalDays: number;
  coordination: string | null;
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The part's quote, or null when its construction department has not answered. */
export function readQuote(part: QuotePart, variables: Readonly<Record<string, unknown>>): QuoteVariables | null {
  const f = quoteFieldsOf(part);
  const investmentCny = numberOrNull(variables[f.investmentCny]);
  const totalDays = numberOrNull(variables[f.totalDays]);
  if (investmentCny === null || totalDays === null) return null;
  return {
    works: textOrNull(variables[f.works]) ?? '',
    investmentCny,
    equipmentCostCny: numberOrNull(variables[f.equipmentCostCny]),
    purchaseCycleDays: numberOrNull(variables[f.purchaseCycleDays]),
    newDucts: variables[f.newDucts] === true,
    ductDays: numberOrNull(variables[f.ductDays]),
    fiberDays: numberOrNull(variables[f.fiberDays]),
    cpeDays: numberOrNull(variables[f.cpeDays]),
    totalDays,
    coordination: textOrNull(variables[f.coordination]),
  };
}
