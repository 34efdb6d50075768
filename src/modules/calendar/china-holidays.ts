/** Public holidays and make-up working days (调休) of one or more years, as local dates. */
export interface HolidaySchedule {
  readonly years: readonly number[];
  readonly holidays: readonly string[];
  readonly makeupWorkdays: readonly string[];
}

const span = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
};

/**
 * China's schedule as published by the General Office of the State Council: 国办发明电〔2024〕12号
 * (2025) and the notice of November 2025 (2026). A new year's notice is added here when it comes.
 */
export const chinaHolidays: HolidaySchedule = {
  years: [2025, 2026],
  holidays: [
    // 2025
    '2025-01-01',
    ...span('2025-01-28', '2025-02-04'),
    ...span('2025-04-04', '2025-04-06'),
    ...span('2025-05-01', '2025-05-05'),
    ...span('2025-05-31', '2025-06-02'),
    ...span('2025-10-01', '2025-10-08'),
    // 2026
    ...span('2026-01-01', '2026-01-03'),
    ...span('2026-02-15', '2026-02-23'),
    ...span('2026-04-04', '2026-04-06'),
    ...span('2026-05-01', '2026-05-05'),
    ...span('2026-06-19', '2026-06-21'),
    ...span('2026-09-25', '2026-09-27'),
    ...span('2026-10-01', '2026-10-07'),
  ],
  makeupWorkdays: [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
};
