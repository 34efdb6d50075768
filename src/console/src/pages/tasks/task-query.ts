import type { FormFieldSpec } from '../../shared/form-values';

export interface QueueTask {
  id: string;
  name: string | null;
  elementId: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  version: number;
  createdAt: string;
  candidateDepartment: string | null;
  candidateRole: string | null;
  assignee: { id: string; code: string; name: string } | null;
  formFields: FormFieldSpec[];
  instance: { id: string; processKey: string; businessKey: string | null };
}

const TASK_FIELDS = `id name elementId status dueAt overdue version createdAt candidateDepartment candidateRole
  assignee { id code name }
  formFields { id label type required values }
  instance { id processKey businessKey }`;

export const QUEUE_QUERY = `query WorkQueue {
  mine: tasks(filter: { mine: true }) { ${TASK_FIELDS} }
  ours: tasks(filter: { myDepartment: true }) { ${TASK_FIELDS} }
}`;

export const CLAIM = `mutation Claim($id: ID!, $version: Int!) { claimTask(id: $id, version: $version) { ${TASK_FIELDS} } }`;
export const UNCLAIM = `mutation Unclaim($id: ID!, $version: Int!) { unclaimTask(id: $id, version: $version) { ${TASK_FIELDS} } }`;
export const COMPLETE = `mutation Complete($id: ID!, $variables: JSONObject) { completeTask(id: $id, variables: $variables) { id status } }`;

export const TASK_CHANGED = `subscription QueueTaskChanged { taskChanged(filter: { mine: true, myDepartment: true }) { change at task { id } } }`;
