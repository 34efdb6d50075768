import type { FormCheck } from '../../modules/processes/process-task.service';
import { badInput } from '../../shared/domain-error';
import { quoteFieldsOf } from './quote-variables';
import { QuoteDecision, QuotePart } from './resource-check.enums';

/** Investments are whole CNY below this (an int column; a single access is far below a billion). */
const MAX_CNY = 1_000_000_000;
/** Durations are working days within a year. */
const MAX_DAYS = 366;

function inRange(variables: Record<string, unknown>, field: string, max: number, unit: string): void {
  const value = variables[field];
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || value < 0 || value > max) throw badInput(`variables.${field}`, `${field} must be 0 to ${max} ${unit}`);
}

/** Procurement's cost and purchase cycle: amounts a person typed, in range. */
const equipmentQuote =
  (part: QuotePart): FormCheck =>
  async (_em, _task, variables) => {
    const f = quoteFieldsOf(part);
    inRange(variables, f.equipmentCostCny, MAX_CNY, 'CNY');
    inRange(variables, f.purchaseCycleDays, MAX_DAYS, 'working days');
  };

/** A construction quote: amounts in range, and how long the ducts take when new ducts are built (their rule checks it). */
const buildQuote =
  (part: QuotePart): FormCheck =>
  async (_em, _task, variables) => {
    const f = quoteFieldsOf(part);
    inRange(variables, f.investmentCny, MAX_CNY, 'CNY');
    for (const days of [f.ductDays, f.fiberDays, f.cpeDays, f.totalDays]) inRange(variables, days, MAX_DAYS, 'working days');
    if (variables[f.newDucts] === true && typeof variables[f.ductDays] !== 'number') {
      throw badInput(`variables.${f.ductDays}`, `New ducts are built: say how many working days they take after permits (${f.ductDays})`);
    }
  };

/** A quote over its rule is accepted only with the reason, which is recorded (the rules say such durations need 把关). */
const quoteReview =
  (part: QuotePart): FormCheck =>
  async (_em, _task, variables) => {
    const f = quoteFieldsOf(part);
    const reason = variables[f.decisionReason];
    if (variables[f.decision] === QuoteDecision.ACCEPT && (typeof reason !== 'string' || reason.trim() === '')) {
      throw badInput(`variables.${f.decisionReason}`, 'Say why a quote over its duration rule is accepted: the reason is recorded');
    }
  };

/** The procedure's checks of its forms, by task element id. */
export const resourceCheckFormChecks: Readonly<Record<string, FormCheck>> = {
  quoteNetworkEquipment: equipmentQuote(QuotePart.NETWORK),
  quoteMobileEquipment: equipmentQuote(QuotePart.MOBILE),
  quoteNetworkBuild: buildQuote(QuotePart.NETWORK),
  quoteMobileBuild: buildQuote(QuotePart.MOBILE),
  reviewNetworkQuote: quoteReview(QuotePart.NETWORK),
  reviewMobileQuote: quoteReview(QuotePart.MOBILE),
};
