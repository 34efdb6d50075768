/**
 * Quarters as the hub counts them: China Standard Time (UTC+8, no daylight saving), whatever
 * the browser's own time zone.
 */
export interface Quarter {
  year: number;
  quarter: number;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter `now` falls in, in China time. */
export function chinaQuarter(now: Date): Quarter {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  return { year: china.getUTCFullYear(), quarter: Math.floor(china.getUTCMonth() / 3) + 1 };
}

/** The quarter's first and last days, YYYY-MM-DD (as the hub's measures(from, to) take them). */
export function quarterDays({ year, quarter }: Quarter): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay)}` };
}

export const previousQuarter = ({ year, quarter }: Quarter): Quarter =>
  quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };

export const quarterLabel = ({ year, quarter }: Quarter): string => `${year} Q${quarter}`;

/** `count` quarters back from `latest`, newest first (the picker's choices). */
export function quartersBack(latest: Quarter, count: number): Quarter[] {
  const list: Quarter[] = [];
  for (let q = latest; list.length < count; q = previousQuarter(q)) list.push(q);
  return list;
}

/** ["2025", "4"] from a route, or null when they name no quarter. */
export function parseQuarter(year: string | undefined, quarter: string | undefined): Quarter | null {
  if (!year || !quarter || !/^\d{4}$/.test(year) || !/^[1-4]$/.test(quarter)) return null;
  const y = Number(year);
  return y >= 2000 && y <= 2100 ? { year: y, quarter: Number(quarter) } : null;
}
