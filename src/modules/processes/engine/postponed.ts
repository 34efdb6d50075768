/** A user task, message catch or receive task the instance waits on. */
export interface WaitRow {
  elementId: string;
  executionId: string;
  type: string;
  name: string | null;
  lane: string | null;
  candidateGroups: string[];
  formFields: { id: string; label: string | null; type: string; required: boolean; values: string[] | null }[];
  /** id of the message a catch event or receive task waits for */
  messageRef: string | null;
  /** the process a call activity calls (its expression resolved), else null */
  calledElement: string | null;
}

/** A timer armed by the engine; `expireAt` is by the engine's own (real) clock. */
export interface TimerRow {
  elementId: string;
  executionId: string;
  expireAt: Date;
  timerType: string | null;
  /** ms from arming to expiry, when the engine says */
  timeoutMs: number | null;
  /** the timer's value as resolved (ISO 8601, or the hub's working-time syntax) */
  value: string | null;
}

interface PostponedApi {
  id: string;
  type: string;
  content: { executionId: string };
  owner: {
    type: string;
    name?: string;
    lane?: { id: string; name?: string };
    behaviour?: Behaviour;
    environment?: { resolveExpression(text: string, message?: unknown): unknown };
  };
  getExecuting(): {
    content: { executionId: string; expireAt?: string | Date; timerType?: string; timeout?: number } & Record<string, unknown>;
  }[];
}

interface Behaviour {
  candidateGroups?: string;
  calledElement?: string;
  extensionElements?: { values?: { $type: string; fields?: FormFieldDef[] }[] };
  eventDefinitions?: { type?: string; $type?: string; behaviour?: { messageRef?: { id: string } } }[];
  messageRef?: { id: string };
}

interface FormFieldDef {
  id: string;
  label?: string;
  type?: string;
  validation?: { constraints?: { name: string; config?: string }[] };
  values?: { id: string }[];
}

/**
 * The engine measures the remaining time a millisecond or two after it computed the expiry; diagram
 * durations are whole seconds, so rounding gives back the span the diagram asked for.
 */
const roundToSecond = (ms: number): number => Math.round(ms / 1000) * 1000;

/**
 * A task's candidate groups as written, or computed from the instance's variables
 * (`${environment.variables.maintainer}`: the department chosen in an earlier form).
 */
function candidateGroupsOf(item: PostponedApi): string {
  const written = item.owner.behaviour?.candidateGroups ?? '';
  if (!written.includes('${') || !item.owner.environment) return written;
  const resolved = item.owner.environment.resolveExpression(written, { content: item.content });
  return typeof resolved === 'string' ? resolved : Array.isArray(resolved) ? resolved.join(',') : '';
}

/** The process a call activity calls, `${environment.variables.key}` resolved from the instance's variables. */
function calledElementOf(item: PostponedApi): string | null {
  const written = item.owner.behaviour?.calledElement;
  if (item.owner.type !== 'bpmn:CallActivity' || !written) return null;
  if (!written.includes('${') || !item.owner.environment) return written;
  const resolved = item.owner.environment.resolveExpression(written, { content: item.content });
  return typeof resolved === 'string' && resolved ? resolved : null;
}

/** Reads bpmn-engine's postponed activities into plain rows: waits and timers. */
export function readPostponed(postponed: unknown[]): { waits: WaitRow[]; timers: TimerRow[] } {
  const waits: WaitRow[] = [];
  const timers: TimerRow[] = [];
  for (const item of postponed as PostponedApi[]) {
    // A sequence flow can linger here: the discard of a path not taken that reaches a merging gateway
    // behind a task already running (fault-handling's callbackMerge). A flow is never a wait.
    if (typeof item.getExecuting !== 'function') continue;
    const armed = item.getExecuting().filter((e) => e.content.expireAt);
    if (armed.length > 0) {
      for (const t of armed) {
        timers.push({
          elementId: item.id,
          executionId: t.content.executionId,
          expireAt: new Date(t.content.expireAt as string),
          timerType: t.content.timerType ?? null,
          timeoutMs: typeof t.content.timeout === 'number' ? roundToSecond(t.content.timeout) : null,
          value:
            t.content.timerType && typeof t.content[t.content.timerType] === 'string' ? (t.content[t.content.timerType] as string) : null,
        });
      }
      continue;
    }
    if (item.owner.type === 'bpmn:BoundaryEvent') continue;
    const behaviour = item.owner.behaviour ?? {};
    const form = behaviour.extensionElements?.values?.find((v) => v.$type === 'camunda:FormData');
    waits.push({
      elementId: item.id,
      executionId: item.content.executionId,
      type: item.owner.type,
      name: item.owner.name ?? null,
      lane: item.owner.lane?.name ?? item.owner.lane?.id ?? null,
      candidateGroups: candidateGroupsOf(item)
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
      formFields: (form?.fields ?? []).map((f) => ({
        id: f.id,
        label: f.label ?? null,
        type: f.type ?? 'string',
        required: f.validation?.constraints?.some((c) => c.name === 'required') ?? false,
        values: f.values?.map((v) => v.id) ?? null,
      })),
      messageRef:
        behaviour.messageRef?.id ?? behaviour.eventDefinitions?.find((d) => d.behaviour?.messageRef)?.behaviour?.messageRef?.id ?? null,
      calledElement: calledElementOf(item),
    });
  }
  return { waits, timers };
}
