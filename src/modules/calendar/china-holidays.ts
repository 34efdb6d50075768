import builtIn from 'chinese-days/dist/chinese-days.json';

/** One public holiday (a day off), with the festival's name. */
export interface Holiday {
  readonly day: string;
  readonly name: string;
}

/** One year's schedule as the State Council publishes it each November: days off and make-up working days (调休). */
export interface YearSchedule {
  readonly year: number;
  readonly holidays: readonly Holiday[];
  readonly makeupWorkdays: readonly string[];
}

/** Public holidays and make-up working days (调休) of one or more years, as local dates. */
export interface HolidaySchedule {
  readonly years: readonly number[];
  readonly holidays: readonly string[];
  readonly makeupWorkdays: readonly string[];
  /** the festival each holiday belongs to, where known */
  readonly names?: ReadonlyMap<string, string>;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// chinese-days writes "Mid-autumn Festival,中秋,1": English, Chinese, length of the break.
const chineseName = (entry: string): string => entry.split(',')[1] ?? entry;

/**
 * China's schedules as packaged by `chinese-days` (each year's notice of the General Office of the
 * State Council). The package is the base; an administrator's entry for a year replaces it
 * (`setHolidaySchedule`), so a hub need not wait for a package release each November.
 */
export function builtInSchedules(): Map<number, YearSchedule> {
  const data = builtIn as ChineseDaysData;
  const years = new Map<number, { holidays: Holiday[]; makeupWorkdays: string[] }>();
  const yearOf = (day: string) => {
    const year = Number(day.slice(0, 4));
    let entry = years.get(year);
    if (!entry) {
      entry = { holidays: [], makeupWorkdays: [] };
      years.set(year, entry);
    }
    return entry;
  };
  for (const [day, entry] of Object.entries(data.holidays)) yearOf(day).holidays.push({ day, name: chineseName(entry) });
  for (const day of Object.keys(data.workdays)) yearOf(day).makeupWorkdays.push(day);
  return new Map(
    [...years].map(([year, entry]) => [
      year,
      {
        year,
        holidays: entry.holidays.sort((a, b) => a.day.localeCompare(b.day)),
        makeupWorkdays: entry.makeupWorkdays.sort(),
      },
    ]),
  );
}

/** Several years' schedules as one, for the calendar. */
export function combineSchedules(schedules: Iterable<YearSchedule>): HolidaySchedule {
  const all = [...schedules].sort((a, b) => a.year - b.year);
  return {
    years: all.map((s) => s.year),
    holidays: all.flatMap((s) => s.holidays.map((h) => h.day)),
    makeupWorkdays: all.flatMap((s) => s.makeupWorkdays),
    names: new Map(all.flatMap((s) => s.holidays.map((h) => [h.day, h.name] as const))),
  };
}

/** China's schedule of every year the package knows. */
export const chinaHolidays: HolidaySchedule = combineSchedules(builtInSchedules().values());
