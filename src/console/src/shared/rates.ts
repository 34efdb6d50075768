/** A rate as the hub answers it: percent null when there is nothing to measure. */
export interface RatePart {
  name: string;
  numerator: number;
  denominator: number;
  weight: number;
}
export interface Rate {
  percent: number | null;
  parts: RatePart[];
}

export type RateKey = 'resourceCheckTimeliness' | 'faultRestoreAndReportTimeliness' | 'provisioningTimeliness' | 'perceptionIndex';

/** The center's four rates (考核指标), in the order the quarterly report lists them. */
export const RATES: readonly { key: RateKey; label: string; english: string }[] = [
  { key: 'resourceCheckTimeliness', label: '资源核查及时率', english: 'Resource-check timeliness' },
  { key: 'faultRestoreAndReportTimeliness', label: '故障恢复及故障报告提供及时率', english: 'Fault restore and report timeliness' },
  { key: 'provisioningTimeliness', label: '电路开通及测试报告提供及时率', english: 'Provisioning and test-report timeliness' },
  { key: 'perceptionIndex', label: '集团客户用户感知综合指标', english: 'Customer perception index' },
];

export const NOTHING_TO_MEASURE = 'nothing to measure';

/** "87.5%", or "nothing to measure": a null rate is never shown as 0%. */
export const percentText = (rate: Rate): string => (rate.percent === null ? NOTHING_TO_MEASURE : `${rate.percent}%`);

/** A bar's length in [0, 1], or null for a rate with nothing to measure. */
export const barShare = (percent: number | null): number | null =>
  percent === null || !Number.isFinite(percent) ? null : Math.min(1, Math.max(0, percent / 100));

/** "3/4", with the part's weight when the rate has more than one part. */
export const partText = (rate: Rate, part: RatePart): string =>
  `${part.numerator}/${part.denominator}${rate.parts.length > 1 ? ` × ${part.weight}` : ''}`;
