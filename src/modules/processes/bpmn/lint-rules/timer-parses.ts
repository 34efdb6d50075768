import { ISOInterval } from '@0dep/piso';
import { HUB_TIMER_SYNTAX, readHubTimer } from '../../engine/hub-timer';
import { isComputed, type LintNode, type RuleFactory } from './rule-types';

const TIMER_TYPES = ['timeDuration', 'timeDate', 'timeCycle'] as const;
const WHAT: Record<(typeof TIMER_TYPES)[number], string> = {
  timeDuration: `a duration such as PT4H (4 hours) or P7D (7 days), or working time: ${HUB_TIMER_SYNTAX}`,
  timeDate: `a date and time such as 2026-12-31T18:00:00+08:00, or a ticket's deadline such as "resolution deadline" or "2 working hours before resolution deadline"`,
  timeCycle: 'a cycle such as R3/PT24H (3 times, a day apart)',
};

function parses(type: (typeof TIMER_TYPES)[number], value: string): boolean {
  try {
    if (type === 'timeDate') return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
    const interval = new ISOInterval(value).parse();
    if (type === 'timeDuration') return interval.duration !== undefined && interval.repeat === undefined && !value.includes('/');
    return true;
  } catch {
    return false;
  }
}

/** `kexiang/timer-parses`: a timer written as a value (not an expression) is ISO 8601 the engine reads. */
const timerParses: RuleFactory = () => ({
  check(node: LintNode, reporter) {
    if (node.$type !== 'bpmn:TimerEventDefinition') return;
    const owner = node.$parent;
    const written = TIMER_TYPES.filter((type) => node[type] !== undefined);
    if (written.length === 0) {
      reporter.report(owner?.id, 'the timer has no time: write a duration, a date or a cycle');
      return;
    }
    for (const type of written) {
      const body = (node[type] as LintNode).body;
      const value = typeof body === 'string' ? body.trim() : '';
      const hub = isComputed(value) ? null : readHubTimer(value);
      if (value === '') reporter.report(owner?.id, `the timer's ${type} is empty: write ${WHAT[type]}`);
      else if (typeof hub === 'string') reporter.report(owner?.id, `the timer's ${type}: ${hub}`);
      else if (hub && type === 'timeCycle')
        reporter.report(
          owner?.id,
          `the timer's timeCycle "${value.slice(0, 60)}" cannot be working time: write it as a timeDuration or timeDate`,
        );
      else if (hub) continue;
      else if (!isComputed(value) && !parses(type, value))
        reporter.report(owner?.id, `the timer's ${type} "${value.slice(0, 60)}" is not ${WHAT[type]}`);
    }
  },
});

export default timerParses;
