import { BusinessCalendar } from '../../src/modules/calendar/business-calendar';
import { chinaHolidays } from '../../src/modules/calendar/china-holidays';

const calendar = new BusinessCalendar({ schedule: chinaHolidays });
const at = (iso: string) => new Date(iso);

describe('The working-day calendar (China, 2025-2026)', () => {
  test('When a make-up Saturday comes, then it is a working day; a Monday in the National Day break is not', () => {
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-17')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
  });

  test('When a gold cutover is on 2026-10-09, then its notice is due 5 working days before: 2026-09-24 (DOMAIN.md)', () => {
    expect(calendar.workingDaysBefore('2026-10-09', 5)).toBe('2026-09-24');
    expect(calendar.workingDaysBefore('2026-10-09', 4)).toBe('2026-09-28');
    expect(calendar.workingDaysBefore('2026-10-09', 3)).toBe('2026-09-29');
  });

  test('When 3 working days run from 2026-09-30, then they end at the close of 2026-10-10 (make-up Saturday)', () => {
    expect(calendar.addWorkingDays(at('2026-09-30T10:00:00+08:00'), 1)).toEqual(at('2026-10-08T17:30:00+08:00'));
    expect(calendar.addWorkingDays(at('2026-09-30T10:00:00+08:00'), 3)).toEqual(at('2026-10-10T17:30:00+08:00'));
    expect(calendar.addWorkingDays(at('2026-10-03T10:00:00+08:00'), 0)).toEqual(at('2026-10-08T17:30:00+08:00'));
  });

  test('When working hours run over a weekend or the Spring Festival, then only working time counts', () => {
    expect(calendar.addWorkingHours(at('2026-03-06T16:30:00+08:00'), 2)).toEqual(at('2026-03-09T09:30:00+08:00'));
    // Friday 13 Feb 16:30 + 2 h: Saturday 14 Feb is a make-up working day.
    expect(calendar.addWorkingHours(at('2026-02-13T16:30:00+08:00'), 2)).toEqual(at('2026-02-14T09:30:00+08:00'));
    // Saturday 14 Feb 17:00 + 1 h: the festival runs 15-23 Feb, so 24 Feb 09:00.
    expect(calendar.addWorkingHours(at('2026-02-14T17:00:00+08:00'), 1)).toEqual(at('2026-02-24T09:00:00+08:00'));
    expect(calendar.addWorkingHours(at('2026-03-02T08:30:00+08:00'), 9)).toEqual(at('2026-03-02T17:30:00+08:00'));
  });

  test('When asked on a holiday evening, then the next working time is the next working morning', () => {
    expect(calendar.nextWorkingTime(at('2026-10-01T20:00:00+08:00'))).toEqual(at('2026-10-08T08:30:00+08:00'));
    expect(calendar.nextWorkingTime(at('2026-10-09T07:00:00+08:00'))).toEqual(at('2026-10-09T08:30:00+08:00'));
    expect(calendar.nextWorkingTime(at('2026-10-09T10:00:00+08:00'))).toEqual(at('2026-10-09T10:00:00+08:00'));
  });

  test('When counting working days between two moments, then holidays are skipped and make-up days count', () => {
    expect(calendar.workingDaysBetween(at('2026-09-30T12:00:00+08:00'), at('2026-10-10T12:00:00+08:00'))).toBe(3);
  });

  test('When a local day is asked for an instant late in the UTC evening, then China time decides', () => {
    expect(calendar.localDay(at('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(calendar.isWorkingDay(at('2026-09-30T16:30:00Z'))).toBe(false);
  });

  test('When a year without a published schedule is asked of a strict calendar, then it says which year is missing', () => {
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(/2027 is not known yet/);
    const lenient = new BusinessCalendar({ schedule: chinaHolidays, strict: false });
    expect(lenient.isWorkingDay('2027-01-04')).toBe(true);
  });
});
