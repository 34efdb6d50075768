import 'reflect-metadata';
import type { Ticket } from '../../src/modules/tickets/ticket.entity';
import {
  accessLimitDays,
  checkDurations,
  describeFinding,
  type QuotedDurations,
} from '../../src/procedures/resource-check/duration-rules.util';
import { answerOf } from '../../src/procedures/resource-check/resource-check-answer.util';
import { resourceCheckAnswer, resourceCheckWhenCalled } from '../../src/procedures/resource-check/resource-check-calls';
import { readResourceCheckRequest } from '../../src/procedures/resource-check/resource-check-request';
import { DomainError } from '../../src/shared/domain-error';

const quote = (change: Partial<QuotedDurations>): QuotedDurations => ({
  investmentCny: 30_000,
  newDucts: false,
  ductDays: null,
  fiberDays: 3,
  cpeDays: 3,
  totalDays: 7,
  ...change,
});
const rulesOver = (change: Partial<QuotedDurations>) => checkDurations(quote(change)).map((f) => [f.rule, f.limitDays, f.quotedDays]);
const refusedField = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (err) {
    if (err instanceof DomainError) return String(err.details.field);
    throw err;
  }
  return undefined;
};

describe('The duration rules new-build quotes are checked against (资源核查要求 2)', () => {
  test('When a single-point access is quoted, then its limit is 7 working days under 50,000 CNY, 10 from 50,000, 14 with new ducts', () => {
    expect(accessLimitDays(49_999, false)).toBe(7);
    expect(accessLimitDays(50_000, false)).toBe(10);
    expect(accessLimitDays(10_000, true)).toBe(14);
    expect(accessLimitDays(500_000, true)).toBe(14);
  });

  test('When every step is at its limit, then nothing is over; one day more on any step is a finding naming the rule', () => {
    expect(rulesOver({ newDucts: true, ductDays: 10, totalDays: 14 })).toEqual([]);
    expect(rulesOver({ newDucts: true, ductDays: 11, totalDays: 14 })).toEqual([['DUCTS_AND_POLES', 10, 11]]);
    expect(rulesOver({ fiberDays: 4 })).toEqual([['FIBER_LAYING', 3, 4]]);
    expect(rulesOver({ cpeDays: 4 })).toEqual([['CPE_INSTALLATION', 3, 4]]);
    expect(rulesOver({ totalDays: 8 })).toEqual([['SINGLE_POINT_ACCESS', 7, 8]]);
    expect(rulesOver({ investmentCny: 50_000, totalDays: 10 })).toEqual([]);
    expect(rulesOver({ investmentCny: 50_000, totalDays: 11 })).toEqual([['SINGLE_POINT_ACCESS', 10, 11]]);
  });

  test('When a step is not needed (null), then its rule is not checked', () => {
    expect(rulesOver({ fiberDays: null, cpeDays: null })).toEqual([]);
  });

  test('When a finding is described, then it names the rule, the days quoted and the limit', () => {
    const [finding] = checkDurations(quote({ newDucts: true, ductDays: 12, totalDays: 14 }));
    expect(describeFinding(finding)).toBe('DUCTS_AND_POLES: ducts and poles after permits 12 working days, limit 10');
  });
});

describe('A resource check request as intake reads it', () => {
  const good = {
    scope: 'ONE_STOP',
    coverageAsked: true,
    sites: [' 3号楼 '],
    resources: [
      { kind: 'CIRCUIT', name: ' 100M 专线 ', site: '3号楼' },
      { kind: 'OUTSOURCING_SERVICE', name: '代维' },
    ],
  };

  test('When a request is well formed, then texts are trimmed and a missing site is null', () => {
    expect(readResourceCheckRequest(good)).toEqual({
      scope: 'ONE_STOP',
      coverageAsked: true,
      sites: ['3号楼'],
      resources: [
        { kind: 'CIRCUIT', name: '100M 专线', site: '3号楼' },
        { kind: 'OUTSOURCING_SERVICE', name: '代维', site: null },
      ],
    });
  });

  test('When a request is malformed, then the field to fix is named', () => {
    expect(refusedField(() => readResourceCheckRequest(undefined))).toBe('resourceCheck');
    expect(refusedField(() => readResourceCheckRequest({ ...good, scope: 'NATIONAL' }))).toBe('scope');
    expect(refusedField(() => readResourceCheckRequest({ ...good, coverageAsked: 'yes' }))).toBe('coverageAsked');
    expect(refusedField(() => readResourceCheckRequest({ ...good, sites: 'everywhere' }))).toBe('sites');
    expect(refusedField(() => readResourceCheckRequest({ ...good, resources: [{ kind: 'FIBER', name: 'x' }] }))).toBe('resources.0.kind');
    expect(refusedField(() => readResourceCheckRequest({ ...good, resources: ['专线'] }))).toBe('resources.0');
    expect(refusedField(() => readResourceCheckRequest({ ...good, resources: [{ kind: 'CIRCUIT', name: 'a\u0000b' }] }))).toBe(
      'resources.0.name',
    );
  });
});

describe('Presales support calling the check, and what the check answers it', () => {
  const caller = {
    ticket: {
      number: 'KX-2026-000042',
      title: '园区项目售前支撑',
      customer: { id: '5b1d3c1e-1111-4a4a-8888-000000000001' },
      priority: 'HIGH',
    } as unknown as Ticket,
    variables: {
      resourceCheck: { scope: 'LOCAL', coverageAsked: false, sites: ['园区A'], resources: [{ kind: 'CIRCUIT', name: '专线' }] },
    },
  };

  test("When presales calls the check, then it opens a RESOURCE_CHECK for the caller's customer with the request as facts", () => {
    const { input, facts } = resourceCheckWhenCalled(caller);
    expect(input).toMatchObject({
      kind: 'RESOURCE_CHECK',
      channel: 'INTERNAL',
      title: '资源核查 KX-2026-000042: 园区项目售前支撑',
      customerId: caller.ticket.customer.id,
      circuitIds: [],
      priority: 'HIGH',
    });
    expect(readResourceCheckRequest(facts)).toEqual({
      scope: 'LOCAL',
      coverageAsked: false,
      sites: ['园区A'],
      resources: [{ kind: 'CIRCUIT', name: '专线', site: null }],
    });
  });

  test('When the caller has no resourceCheck variable, then it is refused naming it', () => {
    expect(refusedField(() => resourceCheckWhenCalled({ ...caller, variables: {} }))).toBe('resourceCheck');
  });

  test('When the network is ready and coverage not asked, then the caller hears resources are sufficient, with nothing to build', () => {
    expect(resourceCheckAnswer({ networkReady: true, coverageAsked: false, ticketNumber: 'KX-2026-000043' })).toEqual({
      resourcesSufficient: true,
      investmentCny: null,
      durationDays: null,
      purchaseCycleDays: null,
      resourceCheckTicket: 'KX-2026-000043',
    });
  });

  test('When both the network and coverage need building, then the investments add up and the longest duration and cycle are answered', () => {
    const variables = {
      networkReady: false,
      coverageAsked: true,
      optimizationNeeded: true,
      networkInvestmentCny: 40_000,
      networkTotalDays: 6,
      networkPurchaseCycleDays: 4,
      mobileInvestmentCny: 80_000,
      mobileTotalDays: 12,
      mobilePurchaseCycleDays: 3,
    };
    expect(resourceCheckAnswer(variables)).toMatchObject({
      resourcesSufficient: false,
      investmentCny: 120_000,
      durationDays: 12,
      purchaseCycleDays: 4,
    });
    // A quote left from a branch the answer does not need (the network turned out ready) is not counted.
    expect(answerOf({ ...variables, networkReady: true })).toMatchObject({ investmentCny: 80_000, durationDays: 12, purchaseCycleDays: 3 });
  });
});
