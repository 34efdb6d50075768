/** An element of one diagram version, as compared: `signature` is everything about it but its children with ids. */
export interface ElementSummary {
  id: string;
  type: string;
  name: string | null;
  signature: string;
}

export interface ElementDiff {
  added: ElementSummary[];
  removed: ElementSummary[];
  changed: { before: ElementSummary; after: ElementSummary }[];
  unchanged: number;
}

/** Element-level difference between two versions: matched by id, changed when anything but the layout differs. */
export function diffElements(before: readonly ElementSummary[], after: readonly ElementSummary[]): ElementDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const diff: ElementDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const element of after) {
    const previous = old.get(element.id);
    if (!previous) diff.added.push(element);
    else if (previous.signature !== element.signature || previous.type !== element.type)
      diff.changed.push({ before: previous, after: element });
    else diff.unchanged++;
  }
  for (const element of before) if (!now.has(element.id)) diff.removed.push(element);
  return diff;
}
