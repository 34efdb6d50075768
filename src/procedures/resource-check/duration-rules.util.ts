import { DurationRule } from './resource-check.enums';

/**
 * 资源核查要求 2 (对于工期过长的情况需把关), in working days, given the conditions for building:
 * ducts and poles within 10 of permits and building access; duct or aerial fiber within 3 of the
 * ducts or poles being usable; CPE within 3 of the customer's room being ready. The whole
 * single-point access: within 7 when the investment is under 50,000 CNY and no new ducts are
 * built, within 10 at 50,000 or more without new ducts, within 14 with new ducts.
 */
export const DURATION_LIMITS = {
  ductsAndPoles: 10,
  fiberLaying: 3,
  cpeInstallation: 3,
  accessSmall: 7,
  accessLarge: 10,
  accessNewDucts: 14,
} as const;

/** Investment from which a single-point access is the larger kind (5万元). */
export const LARGE_ACCESS_CNY = 50_000;

/** The durations a construction department quoted, in working days (a step it does not need is null). */
export interface QuotedDurations {
  investmentCny: number;
  newDucts: boolean;
  ductDays: number | null;
  fiberDays: number | null;
  cpeDays: number | null;
  totalDays: number;
}

export interface RuleFinding {
  rule: DurationRule;
  limitDays: number;
  quotedDays: number;
}

/** The whole single-point access's limit for this investment and ducts. */
export function accessLimitDays(investmentCny: number, newDucts: boolean): number {
  if (newDucts) return DURATION_LIMITS.accessNewDucts;
  return investmentCny < LARGE_ACCESS_CNY ? DURATION_LIMITS.accessSmall : DURATION_LIMITS.accessLarge;
}

/** The rules a quote is over (none: within every rule). */
export function checkDurations(quote: QuotedDurations): RuleFinding[] {
  const steps: [DurationRule, number | null, number][] = [
    [DurationRule.DUCTS_AND_POLES, quote.ductDays, DURATION_LIMITS.ductsAndPoles],
    [DurationRule.FIBER_LAYING, quote.fiberDays, DURATION_LIMITS.fiberLaying],
    [DurationRule.CPE_INSTALLATION, quote.cpeDays, DURATION_LIMITS.cpeInstallation],
    [DurationRule.SINGLE_POINT_ACCESS, quote.totalDays, accessLimitDays(quote.investmentCny, quote.newDucts)],
  ];
  return steps
    .filter(([, quoted, limit]) => quoted !== null && quoted > limit)
    .map(([rule, quoted, limitDays]) => ({ rule, limitDays, quotedDays: quoted as number }));
}

const ruleNames: Record<DurationRule, string> = {
  [DurationRule.DUCTS_AND_POLES]: 'ducts and poles after permits',
  [DurationRule.FIBER_LAYING]: 'fiber laying after ducts are usable',
  [DurationRule.CPE_INSTALLATION]: "CPE installation after the customer's room is ready",
  [DurationRule.SINGLE_POINT_ACCESS]: 'the whole single-point access',
};

/** A finding as people read it: "DUCTS_AND_POLES: ducts and poles after permits 12 working days, limit 10". */
export const describeFinding = (finding: RuleFinding): string =>
  `${finding.rule}: ${ruleNames[finding.rule]} ${finding.quotedDays} working days, limit ${finding.limitDays}`;
