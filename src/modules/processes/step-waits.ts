import type { StepResult } from './engine/run-step';
import type { DefinitionData } from './instance-stepper';
import type { WaitingActivity } from './process-instance.entity';

/** What a step waits on, as the instance row lists it, and when its tasks and timers fall due. */

export const USER_TASK = 'bpmn:UserTask';
/** How a waiting timer is listed in `ProcessInstance.waiting`. */
export const TIMER_WAIT = 'bpmn:TimerEventDefinition';

/** A task's due time is its earliest boundary timer, when it has one. */
export function boundaryDue(definition: DefinitionData, elementId: string, timerDue: Map<string, Date>): Date | null {
  const dues = definition.elements
    .filter((e) => e.attachedTo === elementId)
    .map((e) => timerDue.get(e.id))
    .filter((d): d is Date => d !== undefined);
  return dues.length > 0 ? new Date(Math.min(...dues.map((d) => d.getTime()))) : null;
}

export function waitingList(result: StepResult, definition: DefinitionData): WaitingActivity[] {
  const messageNames = new Map(Object.entries(definition.messages).map(([name, id]) => [id, name]));
  return [
    ...result.waits.map((w) => ({
      elementId: w.elementId,
      type: w.type,
      name: w.name,
      message: w.messageRef ? (messageNames.get(w.messageRef) ?? w.messageRef) : null,
    })),
    ...result.timers.map((t) => ({
      elementId: t.elementId,
      type: TIMER_WAIT,
      name: definition.elements.find((e) => e.id === t.elementId)?.name ?? null,
      message: null,
    })),
  ];
}

/** A timeDate's own date (the engine was given a placeholder expiry: see bounded-elements.ts). */
export function dateOf(value: string | null, fallback: Date): Date {
  const at = value ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : fallback;
}
