/** A process instance as the live view keeps it. */
export interface LiveInstance {
  id: string;
  status: string;
  businessKey: string | null;
  definitionVersion: number;
  updatedAt: string;
  waiting: readonly { elementId: string }[];
  incident: { elementId: string | null; message: string } | null;
}

export interface ActivityCount {
  waiting: number;
  incidents: number;
}

const OPEN = new Set(['RUNNING', 'WAITING', 'INCIDENT']);

/** Per activity: how many open instances wait there now, and how many stopped there on an incident. */
export function countByActivity(instances: Iterable<LiveInstance>): Map<string, ActivityCount> {
  const counts = new Map<string, ActivityCount>();
  const at = (id: string) => {
    let count = counts.get(id);
    if (!count) {
      count = { waiting: 0, incidents: 0 };
      counts.set(id, count);
    }
    return count;
  };
  for (const instance of instances) {
    if (!OPEN.has(instance.status)) continue;
    for (const id of new Set(instance.waiting.map((w) => w.elementId))) at(id).waiting++;
    if (instance.status === 'INCIDENT' && instance.incident?.elementId) at(instance.incident.elementId).incidents++;
  }
  return counts;
}

export const isOpen = (instance: LiveInstance): boolean => OPEN.has(instance.status);
