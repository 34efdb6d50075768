import { readQuote } from './quote-variables';
import { QuotePart } from './resource-check.enums';

/** What the center answers sales, from what the departments answered. */
export interface CheckAnswer {
  /** the existing network can serve it, and coverage (when asked) needs no optimization */
  resourcesSufficient: boolean;
  networkReady: boolean;
  /** null when coverage was not asked */
  optimizationNeeded: boolean | null;
  /** the new builds' investment, CNY (null: nothing to build) */
  investmentCny: number | null;
  /** the longest new build, working days (the builds run side by side) */
  durationDays: number | null;
  /** the longest purchase cycle, working days */
  purchaseCycleDays: number | null;
}

const maxOf = (values: (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.max(...known) : null;
};

/** The answer, from the instance's variables when the check is collected. */
export function answerOf(variables: Readonly<Record<string, unknown>>): CheckAnswer {
  const networkReady = variables.networkReady === true;
  const optimizationNeeded = variables.coverageAsked === true ? variables.optimizationNeeded === true : null;
  const builds = [
    !networkReady ? readQuote(QuotePart.NETWORK, variables) : null,
    optimizationNeeded ? readQuote(QuotePart.MOBILE, variables) : null,
  ].filter((quote) => quote !== null);
  return {
    resourcesSufficient: networkReady && optimizationNeeded !== true,
    networkReady,
    optimizationNeeded,
    investmentCny: builds.length ? builds.reduce((sum, quote) => sum + quote.investmentCny, 0) : null,
    durationDays: maxOf(builds.map((quote) => quote.totalDays)),
    purchaseCycleDays: maxOf(builds.map((quote) => quote.purchaseCycleDays)),
  };
}
