// Packages without type declarations, typed as far as the console uses them.
type DiagramModule = NonNullable<import('bpmn-js/lib/BaseViewer').BaseViewerOptions['additionalModules']>[number];

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: DiagramModule;
  export const BpmnPropertiesProviderModule: DiagramModule;
  export const CamundaPlatformPropertiesProviderModule: DiagramModule;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const module: DiagramModule;
  export default module;
}

declare module 'bpmn-js-bpmnlint' {
  const module: DiagramModule;
  export default module;
}

declare module 'bpmnlint/config/recommended' {
  const config: { rules: Record<string, string> };
  export default config;
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}
