import { type BoardTicket, onBoard, ticketFilter } from '../../src/console/src/pages/tickets/ticket-query';
import { countByActivity, type LiveInstance } from '../../src/console/src/shared/activity-counts';
import { diffElements } from '../../src/console/src/shared/element-diff';
import { type FormFieldSpec, fieldOfRefusal, toVariables } from '../../src/console/src/shared/form-values';
import {
  handlersIn,
  mayWriteReport,
  OPEN_STATUSES,
  REPORT_SECTIONS,
  ROLES,
  SERVICE_LEVELS,
  TICKET_KINDS,
  TICKET_STATUSES,
  WRITE_QUARTERLY_REPORT,
} from '../../src/console/src/shared/hub-vocabulary';
import { chinaQuarter, parseQuarter, quarterDays, quartersBack } from '../../src/console/src/shared/quarters';
import { barShare, partText, percentText } from '../../src/console/src/shared/rates';
import { problemOf, refusalProblems } from '../../src/console/src/shared/refusal';
import { markdownBlocks, markdownSections, tableCells } from '../../src/console/src/shared/report-markdown';
import { clockView, formatSpan, worstLevel } from '../../src/console/src/shared/sla';
import { WRITE_QUARTERLY_REPORT as HUB_WRITERS } from '../../src/modules/auth/access';
import { ServiceLevel } from '../../src/modules/customers/customer.enums';
import { Role } from '../../src/modules/org/role.enum';
import { TicketKind, TicketStatus } from '../../src/modules/tickets/ticket.enums';

describe('What the console computes from the hub’s answers', () => {
  test('When the hub adds a role, kind, level or status, then the console’s lists must follow (they are the schema’s enums)', () => {
    expect([...ROLES].sort()).toEqual(Object.values(Role).sort());
    expect([...TICKET_KINDS].sort()).toEqual(Object.values(TicketKind).sort());
    expect([...SERVICE_LEVELS].sort()).toEqual(Object.values(ServiceLevel).sort());
    expect([...TICKET_STATUSES].sort()).toEqual(Object.values(TicketStatus).sort());
    expect(OPEN_STATUSES.every((s) => (TICKET_STATUSES as readonly string[]).includes(s))).toBe(true);
  });

  test('When a refusal lists problems, then each is placed on the element it names, as validateProcessDefinition places it', () => {
    expect(problemOf('bpmn:UserTask review: candidate group "X" is no department')).toEqual({
      message: 'bpmn:UserTask review: candidate group "X" is no department',
      elementId: 'review',
    });
    expect(problemOf('bpmn:TimerEventDefinition TimerEventDefinition_1 has no time').elementId).toBe('TimerEventDefinition_1');
    expect(problemOf('no process in it is executable (isExecutable="true")').elementId).toBeNull();
    expect(refusalProblems({ code: 'BAD_USER_INPUT', problems: ['bpmn:EndEvent end: x', 7] })).toEqual([
      { message: 'bpmn:EndEvent end: x', elementId: 'end' },
    ]);
    expect(refusalProblems({ code: 'CONFLICT' })).toBeNull();
  });

  test('When two versions are compared, then elements are matched by id: added, removed, changed', () => {
    const e = (id: string, signature: string, name: string | null = null) => ({ id, type: 'bpmn:Task', name, signature });
    const diff = diffElements([e('a', '1'), e('b', '1'), e('c', '1')], [e('a', '1'), e('b', '2', 'renamed'), e('d', '1')]);
    expect(diff.added.map((x) => x.id)).toEqual(['d']);
    expect(diff.removed.map((x) => x.id)).toEqual(['c']);
    expect(diff.changed.map((x) => x.after.id)).toEqual(['b']);
    expect(diff.unchanged).toBe(1);
  });

  test('When a clock counts down, then it warns from its warning time, is late past its due time, and pauses while the customer is waited on', () => {
    const clock = { kind: 'RESOLUTION', state: 'RUNNING', dueAt: '2026-03-02T10:00:00Z', warnAt: '2026-03-02T09:00:00Z' };
    const at = (iso: string) => Date.parse(iso);
    expect(clockView(clock, at('2026-03-02T07:54:30Z'))).toEqual({ level: 'ok', text: 'due in 2h 05m' });
    expect(clockView(clock, at('2026-03-02T09:59:51Z'))).toEqual({ level: 'warning', text: 'due in 0m 09s' });
    expect(clockView(clock, at('2026-03-02T10:01:00Z'))).toEqual({ level: 'breached', text: 'late by 1m 00s' });
    expect(clockView({ ...clock, state: 'PAUSED', pausedAt: '2026-03-02T08:00:00Z' }, at('2026-03-05T00:00:00Z'))).toEqual({
      level: 'paused',
      text: 'paused, 2h 00m left',
    });
    expect(clockView({ ...clock, state: 'MET', metAt: '2026-03-02T10:30:00Z', breachedAt: '2026-03-02T10:00:00Z' }, 0).text).toBe(
      'met late',
    );
    expect(formatSpan(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 04h');
    expect(worstLevel([clock, { ...clock, kind: 'RESPONSE', dueAt: '2026-03-02T08:00:00Z' }], at('2026-03-02T08:30:00Z'))).toBe('breached');
  });

  test('When a form is filled in, then answers become typed variables, blanks are left for the hub to refuse, and its refusal finds its field', () => {
    const fields: FormFieldSpec[] = [
      { id: 'decision', label: 'Decision', type: 'enum', required: true, values: ['approve', 'reject'] },
      { id: 'hours', label: null, type: 'long', required: false, values: null },
      { id: 'urgent', label: null, type: 'boolean', required: false, values: null },
      { id: 'docs', label: null, type: 'attachments', required: false, values: null },
      { id: 'note', label: null, type: 'string', required: false, values: null },
    ];
    expect(toVariables(fields, { decision: 'approve', hours: ' 3 ', urgent: true, docs: 'a, b,', note: '  ' })).toEqual({
      decision: 'approve',
      hours: 3,
      urgent: true,
      docs: ['a', 'b'],
    });
    expect(toVariables(fields, { decision: '', hours: 'three' })).toEqual({ hours: 'three', urgent: false });
    expect(fieldOfRefusal('variables.hours', fields)).toBe('hours');
    expect(fieldOfRefusal('variables.other', fields)).toBeNull();
    expect(fieldOfRefusal('xml', fields)).toBeNull();
  });

  test('When instances wait, then each activity counts the open ones waiting there and the incidents stopped there', () => {
    const i = (id: string, status: string, waiting: string[], incidentAt: string | null = null): LiveInstance => ({
      id,
      status,
      businessKey: null,
      definitionVersion: 1,
      updatedAt: '2026-03-02T00:00:00Z',
      waiting: waiting.map((elementId) => ({ elementId })),
      incident: incidentAt ? { elementId: incidentAt, message: 'boom' } : null,
    });
    const counts = countByActivity([
      i('1', 'WAITING', ['review']),
      i('2', 'WAITING', ['review', 'timer']),
      i('3', 'INCIDENT', [], 'notify'),
      i('4', 'COMPLETED', ['review']),
    ]);
    expect(Object.fromEntries(counts)).toEqual({
      review: { waiting: 2, incidents: 0 },
      timer: { waiting: 1, incidents: 0 },
      notify: { waiting: 0, incidents: 1 },
    });
  });

  test('When the board is filtered, then the hub is asked the same, and a ticket a subscription brings is kept only if it still belongs', () => {
    const filter = { kind: 'FAULT', level: 'GOLD', departmentId: 'd1', open: true };
    expect(ticketFilter(filter, OPEN_STATUSES)).toEqual({
      kinds: ['FAULT'],
      serviceLevels: ['GOLD'],
      departmentId: 'd1',
      statuses: OPEN_STATUSES,
    });
    const ticket = {
      kind: 'FAULT',
      status: 'inProgress',
      customer: { name: 'c', serviceLevel: 'GOLD' },
      ownerDepartment: { id: 'd1', name: 'KX', code: 'KX' },
    } as BoardTicket;
    expect(onBoard(ticket, filter, OPEN_STATUSES)).toBe(true);
    expect(onBoard({ ...ticket, status: 'closed' }, filter, OPEN_STATUSES)).toBe(false);
    expect(onBoard({ ...ticket, customer: { name: 'c', serviceLevel: 'SILVER' } }, filter, OPEN_STATUSES)).toBe(false);
  });

  test('When deployed diagrams call handlers, then the in-page lint knows those names', () => {
    expect(
      handlersIn([
        `<x implementation="\${environment.services.notify}"/><y implementation="\${environment.services.classify}"/>`,
        `\${environment.services.notify}`,
      ]),
    ).toEqual(['classify', 'notify']);
  });
  test('When the console shows a quarter, then it is China time’s, with the days the hub’s measures take', () => {
    expect(chinaQuarter(new Date('2025-12-31T16:30:00Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(chinaQuarter(new Date('2025-12-31T15:59:00Z'))).toEqual({ year: 2025, quarter: 4 });
    expect(quarterDays({ year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterDays({ year: 2025, quarter: 2 })).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(quartersBack({ year: 2026, quarter: 1 }, 3)).toEqual([
      { year: 2026, quarter: 1 },
      { year: 2025, quarter: 4 },
      { year: 2025, quarter: 3 },
    ]);
    expect(parseQuarter('2025', '4')).toEqual({ year: 2025, quarter: 4 });
    expect(parseQuarter('2025', '5')).toBeNull();
    expect(parseQuarter('x', '1')).toBeNull();
  });

  test('When a rate has nothing to measure, then it reads so and draws no bar, never 0%', () => {
    const none = { percent: null, parts: [{ name: 'a', numerator: 0, denominator: 0, weight: 1 }] };
    expect(percentText(none)).toBe('nothing to measure');
    expect(barShare(null)).toBeNull();
    expect(percentText({ percent: 0, parts: [] })).toBe('0%');
    expect(barShare(0)).toBe(0);
    expect(barShare(87.5)).toBe(0.875);
    expect(barShare(140)).toBe(1);
    const two = { percent: 50, parts: [none.parts[0], { name: 'b', numerator: 1, denominator: 2, weight: 0.3 }] };
    expect(partText(two, two.parts[1])).toBe('1/2 × 0.3');
    expect(partText(none, none.parts[0])).toBe('0/0');
  });

  test('When the hub lets a role write the quarterly report, then the console offers it the editors (the lists are equal)', () => {
    expect([...WRITE_QUARTERLY_REPORT].sort()).toEqual([...HUB_WRITERS].sort());
    expect(mayWriteReport(['OPERATIONS', 'SUPERVISOR'])).toBe(true);
    expect(mayWriteReport(['ACCOUNT_MANAGER'])).toBe(false);
    expect(REPORT_SECTIONS.map((s) => s.section).sort()).toEqual(['NEXT_QUARTER_PLAN', 'PROBLEMS_AND_SUGGESTIONS', 'TYPICAL_CASES']);
  });

  test('When the report’s Markdown is read, then its headings, tables and texts come back as plain text, markup and all', () => {
    expect(tableCells('| a \\| b | &lt;i&gt; |')).toEqual(['a | b', '<i>']);
    const blocks = markdownBlocks(
      '# Title &lt;x&gt;\n\n## 1. One\n\nSome text\nkept on two lines\n\n| H1 | H2 |\n| --- | --- |\n| x | 1 |\n\n_Not written yet._\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title <x>' },
      { kind: 'heading', level: 2, text: '1. One' },
      { kind: 'paragraph', text: 'Some text\nkept on two lines', emphasis: false },
      { kind: 'table', head: ['H1', 'H2'], rows: [['x', '1']] },
      { kind: 'paragraph', text: 'Not written yet.', emphasis: true },
    ]);
    expect(markdownSections('# T\n\nintro\n\n## A\n\na\n\n## B\n\nb').map((s) => [s.heading, s.blocks.length])).toEqual([
      [null, 2],
      ['A', 1],
      ['B', 1],
    ]);
  });
});
