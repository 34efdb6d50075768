import { ProvisioningChain } from './provisioning.enums';

/** One step of a chain: who does it, which diagram tasks are it, and its default share of the deadline. */
export interface StepDefinition {
  readonly step: string;
  readonly name: string;
  /** the department the step's tasks are offered to (the diagram's lane) */
  readonly department: string;
  /** the diagram elements that are this step; its done time is the last one's completion */
  readonly elements: readonly string[];
  /** default share of the order's working days, in percent */
  readonly share: number;
}

/** The message `submitReport(kind: TEST)` sends the procedure (the diagram's Msg_TestReportSubmitted). */
export const TEST_REPORT_SUBMITTED = 'test-report-submitted';

/** The center's task that files a project's documents, on the project's last order. */
export const ARCHIVE_TASK = 'archiveProject';

/** What stands for the test report among a step's elements: the first TEST report on the ticket. */
export const TEST_REPORT_ELEMENT = 'report:TEST';

const step = (step: string, name: string, department: string, share: number, elements: readonly string[] = [step]): StepDefinition => ({
  step,
  name,
  department,
  elements,
  share,
});

/**
 * The chains and the default split of an order's working days (shares in percent, summing to 100).
 * 大客户电路开通流程: the branch's O&M allocates local resources, dispatches and configures data; the
 * regional maintenance unit tests and writes the test report; the center reports completion
 * (报竣) to the level that dispatched. GPRS-VPN follows 2.1 GPRS-VPN业务建设流程.
 */
export const CHAINS: Readonly<Record<ProvisioningChain, readonly StepDefinition[]>> = {
  [ProvisioningChain.STANDARD]: [
    step('allocate', 'Allocate local resources', 'OPS', 20),
    step('dispatch', 'Dispatch the work (调单派发)', 'OPS', 10),
    step('configure', 'Configure data', 'OPS', 20),
    step('test', 'Test the circuits', 'REGION', 20),
    step('testReport', 'Issue the test report', 'REGION', 10, [TEST_REPORT_ELEMENT]),
    step('reportCompletion', 'Report completion (报竣)', 'KX', 20),
  ],
  [ProvisioningChain.GPRS_VPN]: [
    step('raiseProject', 'Raise the project (立项)', 'SALES', 10),
    step('commissionDesign', 'Commission design and construction', 'CONS', 20),
    step('coreData', 'Allocate IP ranges and make core-network data', 'OPS', 15),
    step('switchData', 'Make the access-switch data', 'TRANS', 10),
    step('router', 'Configure the customer router', 'KX', 15, ['routerConfig', 'onSiteRouter']),
    step('simCards', 'Make the SIM cards (制卡)', 'OPS', 10),
    step('jointTest', 'Joint test and activation', 'KX', 10),
    step('testReport', 'Issue the test report', 'KX', 5, [TEST_REPORT_ELEMENT]),
    step('reportCompletion', 'Report completion (报竣)', 'KX', 5),
  ],
  [ProvisioningChain.CLOSURE]: [
    step('removeData', 'Remove the circuit data', 'OPS', 40),
    step('releaseResources', 'Release the resources', 'OPS', 40),
    step('confirmClosure', 'Confirm the service closed', 'KX', 20),
  ],
};

/** A chain's split: each step's share in percent. */
export type StepShares = readonly { step: string; share: number }[];

export const defaultShares = (chain: ProvisioningChain): StepShares => CHAINS[chain].map(({ step, share }) => ({ step, share }));

/** One step of an order as planned at dispatch; kept with the order so a later policy edit leaves it alone. */
export interface PlannedStep {
  step: string;
  name: string;
  department: string;
  /** working days the split gave it */
  days: number;
  /** its deadline, as working days before the order's deadline (what its timers count back) */
  daysBeforeDeadline: number;
  /** ISO instant */
  dueAt: string;
  remindedAt: string | null;
  chasedAt: string | null;
}

/** What planning needs of the calendar. */
export interface PlanningCalendar {
  /** working days after `from`'s day up to and including `to`'s day */
  workingDaysBetween(from: Date, to: Date): number;
  /** the same time of day, N working days later (negative: earlier) */
  shiftWorkingDays(from: Date, days: number): Date;
}

/**
 * Splits an order's working days by the shares: each step ends at a cut point counted from the
 * order (cumulative shares, rounded), so the steps' days always add up to the whole and the last
 * step ends at the order's deadline. A step's deadline is its cut point, N working days before the
 * order's deadline: the timers count back from that deadline and follow it if it moves.
 */
export function planSteps(
  calendar: PlanningCalendar,
  chain: ProvisioningChain,
  shares: StepShares,
  orderedAt: Date,
  overallDueAt: Date,
): { workingDays: number; steps: PlannedStep[] } {
  const workingDays = Math.max(0, calendar.workingDaysBetween(orderedAt, overallDueAt));
  let cumulative = 0;
  let previousCut = 0;
  const steps = CHAINS[chain].map((definition) => {
    cumulative += shares.find((s) => s.step === definition.step)?.share ?? 0;
    const cut = Math.round((workingDays * cumulative) / 100);
    const days = cut - previousCut;
    previousCut = cut;
    const before = workingDays - cut;
    return {
      step: definition.step,
      name: definition.name,
      department: definition.department,
      days,
      daysBeforeDeadline: before,
      dueAt: (before === 0 ? overallDueAt : calendar.shiftWorkingDays(overallDueAt, -before)).toISOString(),
      remindedAt: null,
      chasedAt: null,
    };
  });
  return { workingDays, steps };
}

const daysBefore = (days: number) =>
  days === 0 ? 'resolution deadline' : `${days} working day${days === 1 ? '' : 's'} before resolution deadline`;

/**
 * Each step's two timers in the hub's syntax: the chase at its deadline and the reminder one
 * working day earlier. A step reached after its reminder time is reminded at once (it is due
 * within the day); one reached after its deadline is chased at once.
 */
export function stepTimers(steps: readonly PlannedStep[]): Record<string, { remind: string; due: string }> {
  return Object.fromEntries(
    steps.map((s) => [s.step, { remind: daysBefore(s.daysBeforeDeadline + 1), due: daysBefore(s.daysBeforeDeadline) }]),
  );
}

/**
 * The step a reminder or chase service task belongs to: its id is `remind_<step>` or
 * `chase_<step>`, with a suffix after a further `_` where a step has more than one task.
 */
export function stepOfElement(elementId: string): string | null {
  const match = /^(?:remind|chase)_([A-Za-z]+)/.exec(elementId);
  return match ? match[1] : null;
}
