import { MeasureItem } from './measure-items';
import type { MeasureRow, Rate, RatePart } from './measures.types';

/** What was counted of each item in one group. */
export interface GroupCounts {
  counts: Map<string, { numerator: number; denominator: number; average: number | null }>;
  quarterly: { numerator: number; denominator: number } | null;
}

export const emptyCounts = (): GroupCounts => ({ counts: new Map(), quarterly: null });

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A rate from its weighted parts: nothing to measure in any part (a zero denominator) leaves the
 * whole rate without a value, since a composite missing a part would pretend the part was perfect or nil.
 */
export function rateOf(parts: RatePart[]): Rate {
  const measurable = parts.every((part) => part.denominator > 0);
  const percent = measurable ? round2(100 * parts.reduce((sum, part) => sum + (part.weight * part.numerator) / part.denominator, 0)) : null;
  return { percent, parts };
}

const NAMES = {
  resources: 'resources checked on time / resources to check',
  restored: 'faults restored in time / service-affecting faults',
  reports: 'fault reports on time / fault reports owed',
  circuits: 'circuits activated on time with test report / circuits to activate',
  quarterly: 'quarterly reports submitted on time / quarterly reports due',
};

/** The measures of one group, from its counts. */
export function measureRow(key: string, group: string, g: GroupCounts): MeasureRow {
  const part = (item: MeasureItem, name: string, weight: number): RatePart => {
    const counted = g.counts.get(item);
    return { name, numerator: counted?.numerator ?? 0, denominator: counted?.denominator ?? 0, weight };
  };
  const cycle = g.counts.get(MeasureItem.CYCLE);
  return {
    key,
    group,
    resourceCheckTimeliness: rateOf([part(MeasureItem.RESOURCE_CHECK, NAMES.resources, 1)]),
    faultRestoreAndReportTimeliness: rateOf([
      part(MeasureItem.FAULT_RESTORE, NAMES.restored, 0.7),
      part(MeasureItem.FAULT_REPORT, NAMES.reports, 0.3),
    ]),
    provisioningTimeliness: rateOf([part(MeasureItem.PROVISIONING, NAMES.circuits, 1)]),
    // 50% of the fault rate (0.7 and 0.3 of it) and 50% of the provisioning rate, as fractions.
    perceptionIndex: rateOf([
      part(MeasureItem.FAULT_RESTORE, NAMES.restored, 0.35),
      part(MeasureItem.FAULT_REPORT, NAMES.reports, 0.15),
      part(MeasureItem.PROVISIONING, NAMES.circuits, 0.5),
    ]),
    quarterlyReportTimeliness: rateOf([
      { name: NAMES.quarterly, numerator: g.quarterly?.numerator ?? 0, denominator: g.quarterly?.denominator ?? 0, weight: 1 },
    ]),
    averageProvisioningCycleWorkingDays: cycle?.average == null ? null : round2(cycle.average),
    provisioningOrdersCompleted: cycle?.denominator ?? 0,
    responseWorkDone: g.counts.get(MeasureItem.WORK_DONE)?.denominator ?? 0,
  };
}
