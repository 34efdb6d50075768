import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const SCHEDULE_2027 = {
  year: 2027,
  holidays: [
    { day: '2027-01-01', name: '元旦' },
    ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((day) => ({
      day,
      name: '春节',
    })),
  ],
  makeupWorkdays: ['2027-02-14'],
};

const SET = `mutation($input: SetHolidayScheduleInput!) { setHolidaySchedule(input: $input) { year source version holidays { day name } makeupWorkdays } }`;

describe("The center's calendar over GraphQL", () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  test('When working time is added across the Mid-Autumn and National Day breaks, then the make-up Saturday counts', async () => {
    const answer = await t.ok<Record<string, string>>(`{
      threeDays: addWorkingTime(from: "2026-09-30T10:00:00+08:00", days: 3)
      twoHours: addWorkingTime(from: "2026-09-24T16:30:00+08:00", hours: 2)
      sameDay: addWorkingTime(from: "2026-10-08T09:00:00+08:00", days: 0, hours: 4)
    }`);
    expect(answer).toEqual({
      threeDays: new Date('2026-10-10T17:30:00+08:00').toISOString(),
      twoHours: new Date('2026-09-28T09:30:00+08:00').toISOString(),
      // days first (0: the close of 8 October), then 4 working hours on the next working day
      sameDay: new Date('2026-10-09T12:30:00+08:00').toISOString(),
    });
  });

  test('When days are counted back or between two days, then holidays are skipped and make-up days count', async () => {
    const answer = await t.ok(`{
      notice: workingDaysBefore(day: "2026-10-09", days: 5)
      between: workingDays(from: "2026-09-21", to: "2026-10-11")
      sunday: workingDays(from: "2026-09-20", to: "2026-09-20")
    }`);
    expect(answer).toEqual({ notice: '2026-09-24', between: 10, sunday: 1 });
  });

  test('When the days around the Mid-Autumn Festival are listed, then each says what it is', async () => {
    const { calendarDays } = await t.ok<{ calendarDays: { day: string; kind: string; working: boolean; holidayName: string | null }[] }>(
      '{ calendarDays(from: "2026-09-19", to: "2026-09-25") { day kind working holidayName } }',
    );
    expect(calendarDays.map((d) => [d.day, d.kind, d.working, d.holidayName])).toEqual([
      ['2026-09-19', 'WEEKEND', false, null],
      ['2026-09-20', 'MAKEUP_WORKDAY', true, null],
      ['2026-09-21', 'WORKDAY', true, null],
      ['2026-09-22', 'WORKDAY', true, null],
      ['2026-09-23', 'WORKDAY', true, null],
      ['2026-09-24', 'WORKDAY', true, null],
      ['2026-09-25', 'HOLIDAY', false, '中秋'],
    ]);
  });

  test('When an administrator enters next year, then deadlines count on it and the history records it', async () => {
    const before = await t.ok<{ holidaySchedule: { source: string }; calendarDays: { kind: string; provisional: boolean }[] }>(
      '{ holidaySchedule(year: 2027) { source } calendarDays(from: "2027-02-08", to: "2027-02-08") { kind provisional } }',
    );
    expect(before).toEqual({ holidaySchedule: { source: 'NONE' }, calendarDays: [{ kind: 'WORKDAY', provisional: true }] });
    const set = await t.ok<{ setHolidaySchedule: { source: string; version: number } }>(SET, { input: SCHEDULE_2027 });
    expect(set.setHolidaySchedule).toMatchObject({ source: 'ADMINISTRATOR', version: 1 });
    const after = await t.ok(`{
      calendarDays(from: "2027-02-08", to: "2027-02-08") { kind provisional holidayName }
      workingDays(from: "2027-02-08", to: "2027-02-14")
      addWorkingTime(from: "2027-02-05T10:00:00+08:00", days: 1)
    }`);
    expect(after).toEqual({
      calendarDays: [{ kind: 'HOLIDAY', provisional: false, holidayName: '春节' }],
      workingDays: 1,
      addWorkingTime: new Date('2027-02-14T17:30:00+08:00').toISOString(),
    });
    const stale = await t.gql(SET, { input: { ...SCHEDULE_2027, version: 0 } });
    expect(codesOf(stale)).toEqual(['CONFLICT']);
    const again = await t.ok<{ setHolidaySchedule: { version: number } }>(SET, {
      input: { ...SCHEDULE_2027, makeupWorkdays: ['2027-02-13', '2027-02-14'], version: 1 },
    });
    expect(again.setHolidaySchedule.version).toBe(2);
  });

  test.each([
    ['a day outside the year', { ...SCHEDULE_2027, year: 2028 }, 'holidays'],
    [
      'a weekday as a make-up working day',
      { ...SCHEDULE_2027, year: 2029, holidays: [{ day: '2029-01-01', name: '元旦' }], makeupWorkdays: ['2029-01-03'] },
      'makeupWorkdays',
    ],
    [
      'a day listed twice',
      {
        ...SCHEDULE_2027,
        year: 2029,
        holidays: [
          { day: '2029-01-01', name: '元旦' },
          { day: '2029-01-01', name: '元旦' },
        ],
        makeupWorkdays: [],
      },
      'holidays',
    ],
    [
      'a day that does not exist',
      { ...SCHEDULE_2027, year: 2029, holidays: [{ day: '2029-02-30', name: '元旦' }], makeupWorkdays: [] },
      'holidays',
    ],
  ])('When a schedule holds %s, then it is BAD_USER_INPUT and nothing changes', async (_what, input, field) => {
    const answer = await t.gql(SET, { input });
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0].extensions?.field).toBe(field);
    const { holidaySchedule } = await t.ok<{ holidaySchedule: { source: string } }>(
      'query($y: Int!) { holidaySchedule(year: $y) { source } }',
      { y: input.year },
    );
    expect(holidaySchedule.source).toBe('NONE');
  });

  test.each(TRANSPORTS)('When a calendar question is malformed over %s, then it is BAD_USER_INPUT', async (transport) => {
    for (const query of [
      '{ workingDays(from: "2026-02-30", to: "2026-03-01") }',
      '{ workingDays(from: "2026-03-01", to: "2026-02-01") }',
      '{ calendarDays(from: "2020-01-01", to: "2026-01-01") { day } }',
      '{ addWorkingTime(from: "2026-03-01T00:00:00Z") }',
      '{ addWorkingTime(from: "2026-03-01T00:00:00Z", days: -1) }',
      '{ workingDaysBefore(day: "0000-01-01", days: 1) }',
    ]) {
      const answer = await over(transport, t, { query });
      expect({ query, codes: codesOf(answer) }).toEqual({
        query,
        codes: [expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/)],
      });
    }
  });

  test.each(TRANSPORTS)('When someone other than an administrator sets a schedule over %s, then it is FORBIDDEN', async (transport) => {
    const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
    const kx = departments.find((d) => d.code === 'KX')?.id;
    await t.gql(
      'mutation($d: ID!) { createUser(input: {code: "cal.duty", name: "值班", departmentId: $d, roles: [RESPONSE_CENTER, SUPERVISOR]}) { id } }',
      { d: kx },
    );
    const input = { year: 2030, holidays: [{ day: '2030-01-01', name: '元旦' }], makeupWorkdays: [] };
    expect(codesOf(await over(transport, t, { query: SET, variables: { input } }, 'cal.duty'))).toEqual(['FORBIDDEN']);
    const { holidaySchedule } = await t.ok<{ holidaySchedule: { source: string } }>('{ holidaySchedule(year: 2030) { source } }');
    expect(holidaySchedule.source).toBe('NONE');
  });
});
