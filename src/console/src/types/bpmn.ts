/** The parts of bpmn-js / diagram-js services the console calls, typed as it uses them. */
export interface BusinessObject {
  id: string;
  name?: string;
  $type: string;
  eventDefinitions?: { id?: string }[];
}

export interface Shape {
  id: string;
  type: string;
  businessObject: BusinessObject;
  waypoints?: unknown[];
}

export interface Canvas {
  addMarker(element: Shape | string, marker: string): void;
  removeMarker(element: Shape | string, marker: string): void;
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
  scrollToElement(element: Shape): void;
  getRootElement(): Shape;
}

export interface Overlays {
  add(
    element: Shape | string,
    type: string,
    overlay: { position: { top?: number; left?: number; right?: number; bottom?: number }; html: HTMLElement },
  ): string;
  remove(filter: { type?: string; element?: Shape | string }): void;
}

export interface ElementRegistry {
  get(id: string): Shape | undefined;
  getAll(): Shape[];
  filter(fn: (element: Shape) => boolean): Shape[];
}

export interface Selection {
  select(element: Shape | null): void;
}

/** A bpmnlint report as bpmn-js-bpmnlint hands it over on linting.completed. */
export interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

export interface DiagramServices {
  get<T>(name: string): T;
}

/** The shape an element id belongs to: itself, or the event whose definition it is, or null. */
export function shapeFor(registry: ElementRegistry, id: string): Shape | null {
  return registry.get(id) ?? registry.filter((e) => (e.businessObject.eventDefinitions ?? []).some((d) => d.id === id))[0] ?? null;
}
