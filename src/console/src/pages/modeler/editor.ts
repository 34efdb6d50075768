import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import type { Canvas, LintIssue } from '../../types/bpmn';
import type { LinterBundle } from './lint-config';
import { ProblemMarks } from './marks';

export interface Editor {
  readonly marks: ProblemMarks;
  open(xml: string): Promise<string[]>;
  xml(): Promise<string>;
  /** marks elements of a comparison: added and changed */
  markChanges(added: readonly string[], changed: readonly string[]): void;
  destroy(): void;
}

/** bpmn-js with its properties panel (Camunda 7 vocabulary, as the hub reads it) and the in-page lint. */
export function createEditor(
  canvas: HTMLElement,
  panel: HTMLElement,
  lint: LinterBundle,
  events: { changed(): void; linted(issues: LintIssue[]): void },
): Editor {
  const modeler = new BpmnModeler({
    container: canvas,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      lintModule,
    ],
    moddleExtensions: { camunda },
    propertiesPanel: { parent: panel },
    linting: { bpmnlint: lint, active: true },
  });
  modeler.on('commandStack.changed', () => events.changed());
  modeler.on<{ issues: Record<string, LintIssue[]> }>('linting.completed', ({ issues }) => events.linted(Object.values(issues).flat()));
  const marks = new ProblemMarks(modeler);
  let compared: { id: string; marker: string }[] = [];
  const unmarkChanges = () => {
    const c = modeler.get<Canvas>('canvas');
    for (const { id, marker } of compared) c.removeMarker(id, marker);
    compared = [];
  };
  return {
    marks,
    async open(xml) {
      marks.clear();
      unmarkChanges();
      const { warnings } = await modeler.importXML(xml);
      modeler.get<Canvas>('canvas').zoom('fit-viewport', 'auto');
      return warnings.map(String);
    },
    async xml() {
      const { xml } = await modeler.saveXML({ format: true });
      if (!xml) throw new Error('the diagram cannot be written as XML');
      return xml;
    },
    markChanges(added, changed) {
      unmarkChanges();
      const c = modeler.get<Canvas>('canvas');
      const registry = modeler.get<{ get(id: string): unknown }>('elementRegistry');
      for (const [ids, marker] of [
        [added, 'kx-added'],
        [changed, 'kx-changed'],
      ] as const) {
        for (const id of ids) {
          if (!registry.get(id)) continue;
          c.addMarker(id, marker);
          compared.push({ id, marker });
        }
      }
    },
    destroy: () => modeler.destroy(),
  };
}
