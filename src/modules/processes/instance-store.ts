import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, type Row, rowReader, selectRows } from '../../db/plain-rows';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { EngineState } from './engine/run-step';
import { TaskStatus, TimerStatus } from './process.enums';
import { ProcessInstance } from './process-instance.entity';
import { ProcessTask } from './process-task.entity';
import { ProcessTimer } from './process-timer.entity';

/**
 * The runner's reads and writes, as plain rows and bound statements in the caller's transaction.
 * A step is read with two or three statements and written with one; the entities stay the
 * schema's source and serve every other path.
 */

/** An instance as a step sees it: its row with the engine state it was locked with (null once a step wrote a new one). */
export type InstanceRow = Row<ProcessInstance> & { state: EngineState | null };
export type TaskRow = Row<ProcessTask>;
export type TimerRecord = Row<ProcessTimer>;

export interface NewActivity {
  elementId: string;
  executionId: string;
  type: string;
  name: string | null;
  leftAt: Date | null;
  completedById: string | null;
}

/** Everything one step changed; written by `writeStep` in one statement. Closed tasks carry their new version. */
export interface StepWrite {
  instance: InstanceRow;
  /** the engine state after the step, as JSON text; null keeps the stored one (a failed step keeps the last good state) */
  state: string | null;
  /** false when the step failed: the last good variables and waits are kept too */
  stateChanged: boolean;
  closedTasks: TaskRow[];
  newTasks: TaskRow[];
  closedTimers: TimerRecord[];
  newTimers: TimerRecord[];
  newActivities: NewActivity[];
  /** activities entered in earlier steps that this one left (`completedById` for a person's task) */
  leftActivities: { executionId: string; completedById: string | null }[];
}

/** Locks and writes mean nothing outside a transaction (and on the one-connection embedded database would wait forever). */
function inStep(em: EntityManager): EntityManager {
  if (!em.isInTransaction()) throw new Error('process steps run inside a transaction');
  return em;
}

function instanceRow(em: EntityManager, row: Record<string, unknown>): InstanceRow {
  return { ...rowReader(em, ProcessInstance).read(row), state: (row.state ?? null) as EngineState | null };
}

const instanceColumns = (em: EntityManager, alias: string) => `${rowReader(em, ProcessInstance).selectList(alias)}, ${alias}."state"`;

/** Locks the instance for the rest of the transaction (one step at a time, across hubs). */
export async function lockInstance(em: EntityManager, id: string): Promise<InstanceRow | null> {
  const [row] = await execSql(inStep(em), `select ${instanceColumns(em, 'i')} from process_instance i where i.id = ? for update`, [id]);
  return row ? instanceRow(em, row) : null;
}

/** Locks the instance a task belongs to; null when there is no such task. */
export async function lockInstanceOfTask(em: EntityManager, taskId: string): Promise<InstanceRow | null> {
  const [row] = await execSql(
    inStep(em),
    `select ${instanceColumns(em, 'i')} from process_instance i
     where i.id = (select t.instance_id from process_task t where t.id = ?) for update`,
    [taskId],
  );
  return row ? instanceRow(em, row) : null;
}

/**
 * The instance's open tasks, and task `alsoId` whatever its status. Read after the instance is
 * locked, so no other step changes them meanwhile; a claim still may, which `writeStep` checks.
 */
export function tasksOf(em: EntityManager, instanceId: string, alsoId: string | null): Promise<TaskRow[]> {
  return selectRows(em, ProcessTask, '(instance_id = ? and status = ?) or id = ?', [instanceId, TaskStatus.OPEN, alsoId], 'created_at, id');
}

export function pendingTimers(em: EntityManager, instanceId: string): Promise<TimerRecord[]> {
  return selectRows(em, ProcessTimer, 'instance_id = ? and status = ?', [instanceId, TimerStatus.PENDING]);
}

/** The instance without locking it (what an idempotent retry returns). */
export async function instanceById(em: EntityManager, id: string): Promise<InstanceRow | null> {
  const [row] = await execSql(em, `select ${instanceColumns(em, 'i')} from process_instance i where i.id = ?`, [id]);
  return row ? instanceRow(em, row) : null;
}

/** A write that changes only the instance row; steps and cancellations add what they close and open. */
export const noChanges = (instance: InstanceRow): StepWrite => ({
  instance,
  state: null,
  stateChanged: false,
  closedTasks: [],
  newTasks: [],
  closedTimers: [],
  newTimers: [],
  newActivities: [],
  leftActivities: [],
});

export async function insertInstance(em: EntityManager, instance: InstanceRow): Promise<void> {
  await execSql(
    inStep(em),
    `insert into process_instance (id, definition_id, process_key, definition_version, business_key, status, variables, state,
       waiting, started_at, updated_at, started_by_id, ticket_id, parent_instance_id, called_by_execution_id, called_by_element_id)
     values (?, ?, ?, ?, ?, ?, ?::jsonb, null, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)`,
    [
      instance.id,
      instance.definition.id,
      instance.processKey,
      instance.definitionVersion,
      instance.businessKey ?? null,
      instance.status,
      JSON.stringify(instance.variables),
      JSON.stringify(instance.waiting),
      instance.startedAt,
      instance.updatedAt,
      instance.startedBy?.id ?? null,
      instance.ticketId ?? null,
      instance.parentInstanceId ?? null,
      instance.calledByExecutionId ?? null,
      instance.calledByElementId ?? null,
    ],
  );
}

export async function cancelTimer(em: EntityManager, id: string): Promise<void> {
  await execSql(em, 'update process_timer set status = ? where id = ?', [TimerStatus.CANCELLED, id]);
}

/**
 * Writes a step: its instance row, the tasks and timers it closed and opened, and the activity
 * history, in one statement (data-modifying CTEs; an empty list changes nothing). Versions go up
 * as MikroORM's would, so optimistic checks elsewhere see the change.
 */
const WRITE_STEP = `
with closed_tasks as (
  update process_task t set status = x.status, completed_at = x.completed_at, completed_by_id = x.completed_by_id,
    output = x.output, version = x.version
  from jsonb_to_recordset(?::jsonb) as x(id uuid, status text, completed_at timestamptz, completed_by_id uuid, output jsonb,
    version int)
  where t.id = x.id and t.version = x.version - 1
  returning t.id
), new_tasks as (
  insert into process_task (id, instance_id, element_id, execution_id, name, status, candidate_department, candidate_role,
    form_fields, due_at, created_at)
  select x.id, x.instance_id, x.element_id, x.execution_id, x.name, x.status, x.candidate_department, x.candidate_role,
    x.form_fields, x.due_at, x.created_at
  from jsonb_to_recordset(?::jsonb) as x(id uuid, instance_id uuid, element_id text, execution_id text, name text, status text,
    candidate_department text, candidate_role text, form_fields jsonb, due_at timestamptz, created_at timestamptz)
), closed_timers as (
  update process_timer m set status = x.status, fired_at = x.fired_at
  from jsonb_to_recordset(?::jsonb) as x(id uuid, status text, fired_at timestamptz)
  where m.id = x.id
), new_timers as (
  insert into process_timer (id, instance_id, element_id, execution_id, due_at, status, follows)
  select x.id, x.instance_id, x.element_id, x.execution_id, x.due_at, x.status, x.follows
  from jsonb_to_recordset(?::jsonb) as x(id uuid, instance_id uuid, element_id text, execution_id text, due_at timestamptz, status text,
    follows text)
), new_activities as (
  insert into process_activity (instance_id, element_id, execution_id, type, name, entered_at, left_at, completed_by_id)
  select ?::uuid, x.element_id, x.execution_id, x.type, x.name, ?::timestamptz, x.left_at, x.completed_by_id
  from jsonb_to_recordset(?::jsonb) as x(ordinal int, element_id text, execution_id text, type text, name text,
    left_at timestamptz, completed_by_id uuid)
  order by x.ordinal
), left_activities as (
  update process_activity a set left_at = ?::timestamptz, completed_by_id = coalesce(x.completed_by_id, a.completed_by_id)
  from jsonb_to_recordset(?::jsonb) as x(execution_id text, completed_by_id uuid)
  where a.instance_id = ?::uuid and a.execution_id = x.execution_id and a.left_at is null
)
update process_instance set status = ?, variables = coalesce(?::jsonb, variables), state = coalesce(?::jsonb, state),
  waiting = coalesce(?::jsonb, waiting), incident_data = ?::jsonb, updated_at = ?, ended_at = ?, cancel_reason = ?,
  lock_version = lock_version + 1
where id = ?
returning (select count(*) from closed_tasks)::int as closed_tasks`;

export async function writeStep(em: EntityManager, write: StepWrite): Promise<void> {
  const { instance } = write;
  const closing = write.closedTasks.map((t) => t.id);
  const now = instance.updatedAt;
  const json = (value: unknown) => JSON.stringify(value);
  const ref = (value: { id: string } | null | undefined) => value?.id ?? null;
  const [row] = await execSql<{ closed_tasks: number }>(inStep(em), WRITE_STEP, [
    json(
      write.closedTasks.map((t) => ({
        id: t.id,
        status: t.status,
        completed_at: t.completedAt ?? null,
        completed_by_id: ref(t.completedBy),
        output: t.output ?? null,
        version: t.version,
      })),
    ),
    json(
      write.newTasks.map((t) => ({
        id: t.id,
        instance_id: instance.id,
        element_id: t.elementId,
        execution_id: t.executionId,
        name: t.name ?? null,
        status: t.status,
        candidate_department: t.candidateDepartment ?? null,
        candidate_role: t.candidateRole ?? null,
        form_fields: t.formFields,
        due_at: t.dueAt ?? null,
        created_at: t.createdAt,
      })),
    ),
    json(write.closedTimers.map((m) => ({ id: m.id, status: m.status, fired_at: m.firedAt ?? null }))),
    json(
      write.newTimers.map((m) => ({
        id: m.id,
        instance_id: instance.id,
        element_id: m.elementId,
        execution_id: m.executionId,
        due_at: m.dueAt,
        status: m.status,
        follows: m.follows ?? null,
      })),
    ),
    instance.id,
    now,
    json(
      write.newActivities.map((a, ordinal) => ({
        ordinal,
        element_id: a.elementId,
        execution_id: a.executionId,
        type: a.type,
        name: a.name,
        left_at: a.leftAt,
        completed_by_id: a.completedById,
      })),
    ),
    now,
    json(write.leftActivities.map((a) => ({ execution_id: a.executionId, completed_by_id: a.completedById }))),
    instance.id,
    instance.status,
    write.stateChanged ? json(instance.variables) : null,
    write.state,
    write.stateChanged ? json(instance.waiting) : null,
    instance.incidentData ? json(instance.incidentData) : null,
    now,
    instance.endedAt ?? null,
    instance.cancelReason ?? null,
    instance.id,
  ]);
  // Claims change tasks without locking the instance: a task claimed since it was read is not
  // overwritten, and the whole step rolls back.
  if (row?.closed_tasks !== closing.length) {
    throw new DomainError(ErrorCode.CONFLICT, `A task of instance ${instance.id} changed meanwhile (${closing.join(', ')}); try again`);
  }
  instance.lockVersion += 1;
  instance.state = null;
}
