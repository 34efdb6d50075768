export interface DefinitionVersion {
  id: string;
  version: number;
  comment: string | null;
  deployedAt: string;
  source: string | null;
  deployedBy: { name: string; code: string } | null;
  xml: string;
}

export interface DefinitionKey {
  key: string;
  name: string | null;
  latestVersion: number;
  versions: DefinitionVersion[];
}

/** The API lists every version with its XML; there is no query for one version's XML alone. */
export const DEFINITIONS = `query ModelerDefinitions {
  departments { code }
  processDefinitions {
    key name latestVersion
    versions { id version comment deployedAt source deployedBy { name code } xml }
  }
}`;

export const VALIDATE = `query Validate($xml: String!) { validateProcessDefinition(xml: $xml) { message elementId } }`;

export const DEPLOY = `mutation Deploy($input: DeployInput!) {
  deployProcessDefinition(input: $input) { created definition { key version } }
}`;

/** A new process: a start and an end, executable, drawn. */
export const NEW_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_new" targetNamespace="http://kexiang.example/bpmn">
  <bpmn:process id="new-process" name="New process" isExecutable="true">
    <bpmn:startEvent id="start" name="Started"><bpmn:outgoing>flow1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="end" name="Done"><bpmn:incoming>flow1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="flow1" sourceRef="start" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram_new">
    <bpmndi:BPMNPlane id="plane_new" bpmnElement="new-process">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="300" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="flow1_di" bpmnElement="flow1"><di:waypoint x="136" y="118" /><di:waypoint x="300" y="118" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
