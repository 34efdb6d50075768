import type { LiveInstance } from '../../shared/activity-counts';

const INSTANCE_FIELDS = 'id status businessKey definitionVersion updatedAt waiting { elementId } incident { elementId message }';

export const LIVE_QUERY = `query LiveProcess($filter: ProcessInstanceFilter) {
  processDefinitions { key name latestVersion versions { version xml } }
  processInstances(filter: $filter, first: 100) { ${INSTANCE_FIELDS} }
}`;

export const INSTANCE_CHANGED = `subscription LiveInstanceChanged($filter: ProcessInstanceSubscriptionFilter) {
  processInstanceChanged(filter: $filter) { ${INSTANCE_FIELDS} }
}`;

export interface InstancePath extends LiveInstance {
  variables: Record<string, unknown>;
  startedAt: string;
  history: { elementId: string; name: string | null; type: string; enteredAt: string; leftAt: string | null }[];
  incident: { elementId: string | null; message: string; at?: string } | null;
}

export const INSTANCE_PATH = `query LiveInstance($id: ID!) {
  processInstance(id: $id) { ${INSTANCE_FIELDS} startedAt variables history { elementId name type enteredAt leftAt } }
}`;

export interface LiveDefinitions {
  processDefinitions: { key: string; name: string | null; latestVersion: number; versions: { version: number; xml: string }[] }[];
  processInstances: LiveInstance[];
}
