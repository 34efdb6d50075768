import { setTimeout as sleep } from 'node:timers/promises';
import { startTestHub, type TestHub } from '../support/hub';

const SET = `mutation($input: SetHolidayScheduleInput!) { setHolidaySchedule(input: $input) { version } }`;
const DAY = '{ calendarDays(from: "2027-02-08", to: "2027-02-08") { kind holidayName provisional } }';

describe('A holiday schedule entered on one hub is counted on by every hub', () => {
  let a: TestHub;
  let b: TestHub;

  beforeAll(async () => {
    a = await startTestHub({ config: { ticketProcedures: 'none' } });
    b = await startTestHub({ config: { ticketProcedures: 'none' }, database: a.db, clock: a.clock });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  test('When an administrator enters 2027 on hub A, then hub B counts the Spring Festival as a holiday without a restart', async () => {
    const day = async (hub: TestHub) => (await hub.ok<{ calendarDays: { kind: string; provisional: boolean }[] }>(DAY)).calendarDays[0];
    expect(await day(b)).toMatchObject({ kind: 'WORKDAY', provisional: true });
    await a.ok(SET, {
      input: { year: 2027, holidays: [{ day: '2027-02-08', name: '春节' }], makeupWorkdays: ['2027-02-20'] },
    });
    expect(await day(a)).toMatchObject({ kind: 'HOLIDAY', provisional: false });
    // Hub B hears of it by NOTIFY: wait for the message, however long the machine takes, then check.
    let seen = await day(b);
    for (let tries = 0; seen.kind !== 'HOLIDAY' && tries < 200; tries++) {
      await sleep(50);
      seen = await day(b);
    }
    expect(seen).toMatchObject({ kind: 'HOLIDAY', holidayName: '春节', provisional: false });
  });
});
