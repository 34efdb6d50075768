import { createHash } from 'node:crypto';
import type { DiagramElement, ElementChange } from '../process-definition.entity';
import type { ModdleElement } from './moddle';

interface Described {
  $descriptor?: { properties?: { name: string; isReference?: boolean }[] };
}

// A moddle element written out by its descriptor: references become ids (they point elsewhere
// in the diagram, and would loop), contained elements are written in full.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  const element = value as ModdleElement & Described;
  const out: Record<string, unknown> = { $type: element.$type };
  for (const property of element.$descriptor?.properties ?? []) {
    const v = element[property.name];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[property.name] = property.isReference
      ? Array.isArray(v)
        ? v.map((r) => (r as ModdleElement)?.id ?? null)
        : ((v as ModdleElement).id ?? null)
      : canonical(v);
  }
  if (element.$attrs && Object.keys(element.$attrs).length) out.$attrs = element.$attrs;
  return out;
}

/** A digest of everything an element says (its timer, its form, its condition, where it leads). */
export const elementDigest = (element: ModdleElement): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(element)))
    .digest('hex')
    .slice(0, 16);

/** What changed between two versions of a process, element by element. */
export function elementChanges(before: readonly DiagramElement[], after: readonly DiagramElement[]): ElementChange[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const changes: ElementChange[] = [];
  for (const element of after) {
    const previous = old.get(element.id);
    if (!previous) changes.push({ elementId: element.id, change: 'ADDED', type: element.type, name: element.name });
    else if (
      previous.digest !== element.digest ||
      previous.name !== element.name ||
      previous.type !== element.type ||
      previous.lane !== element.lane
    ) {
      changes.push({ elementId: element.id, change: 'CHANGED', type: element.type, name: element.name });
    }
  }
  for (const element of before) {
    if (!now.has(element.id)) changes.push({ elementId: element.id, change: 'REMOVED', type: element.type, name: element.name });
  }
  return changes.sort((a, b) => a.elementId.localeCompare(b.elementId));
}
