// Adds diagram layout (BPMN DI) to a hand-written .bpmn so bpmnlint and the modeler accept it:
//   node tools/layout-diagram.mjs processes/fault-handling.bpmn
// bpmn-auto-layout lays out the process; when the diagram has a pool with lanes, each element
// is then moved into its lane's band (keeping the order the layout gave it), and the pool,
// the lanes and the flows are drawn on the collaboration's plane.
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';
import BpmnModdle from 'bpmn-moddle';

const ROW = 110;
const LANE_LABEL = 30;
const LANE_PAD = 20;

async function drawLanes(xml) {
  const moddle = new BpmnModdle();
  const { rootElement: definitions } = await moddle.fromXML(xml);
  const collaboration = definitions.rootElements.find((e) => e.$type === 'bpmn:Collaboration');
  const participant = collaboration?.participants?.[0];
  const process = participant?.processRef;
  const lanes = process?.laneSets?.[0]?.lanes ?? [];
  if (!collaboration || lanes.length === 0) return xml;

  const plane = definitions.diagrams[0].plane;
  const shapes = new Map(plane.planeElement.filter((e) => e.$type === 'bpmndi:BPMNShape').map((s) => [s.bpmnElement.id, s]));
  const laneOf = new Map();
  for (const lane of lanes) for (const node of lane.flowNodeRef ?? []) laneOf.set(node.id, lane);
  const elements = process.flowElements ?? [];
  const boundaries = elements.filter((e) => e.$type === 'bpmn:BoundaryEvent');

  // Within a lane, the layout's distinct rows stay distinct rows.
  let top = 0;
  const bands = new Map();
  for (const lane of lanes) {
    const nodes = (lane.flowNodeRef ?? []).filter((n) => n.$type !== 'bpmn:BoundaryEvent' && shapes.has(n.id));
    const rows = [...new Set(nodes.map((n) => shapes.get(n.id).bounds.y))].sort((a, b) => a - b);
    const height = Math.max(1, rows.length) * ROW + 2 * LANE_PAD;
    bands.set(lane.id, { top, height, rows });
    top += height;
  }
  const moved = new Map();
  for (const lane of lanes) {
    const band = bands.get(lane.id);
    for (const node of lane.flowNodeRef ?? []) {
      const shape = shapes.get(node.id);
      if (!shape || node.$type === 'bpmn:BoundaryEvent') continue;
      const row = band.rows.indexOf(shape.bounds.y);
      const y = band.top + LANE_PAD + row * ROW + (ROW - 20 - shape.bounds.height) / 2;
      moved.set(node.id, { dx: 0, dy: y - shape.bounds.y });
      shape.bounds.y = y;
    }
  }
  // A boundary event keeps its place on its host's edge.
  for (const event of boundaries) {
    const shape = shapes.get(event.id);
    const host = event.attachedToRef && moved.get(event.attachedToRef.id);
    if (shape && host) shape.bounds.y += host.dy;
  }
  const xs = [...shapes.values()].map((s) => s.bounds.x + s.bounds.width);
  const left = Math.min(...[...shapes.values()].map((s) => s.bounds.x)) - LANE_LABEL - 40;
  const width = Math.max(...xs) - left + 60;

  // Flows: right side of the source to the left side of the target, square corners.
  const center = (b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  for (const edge of plane.planeElement.filter((e) => e.$type === 'bpmndi:BPMNEdge')) {
    const flow = edge.bpmnElement;
    const from = shapes.get(flow.sourceRef?.id)?.bounds;
    const to = shapes.get(flow.targetRef?.id)?.bounds;
    if (!from || !to) continue;
    const a = center(from);
    const b = center(to);
    const boundary = flow.sourceRef.$type === 'bpmn:BoundaryEvent';
    const start = boundary ? { x: a.x, y: from.y + from.height } : { x: from.x + from.width, y: a.y };
    const end = to.x >= start.x ? { x: to.x, y: b.y } : { x: b.x, y: b.y < start.y ? to.y + to.height : to.y };
    const points = boundary
      ? [start, { x: start.x, y: end.y }, end]
      : end.x === to.x
        ? [start, { x: (start.x + end.x) / 2, y: start.y }, { x: (start.x + end.x) / 2, y: end.y }, end]
        : [
            start,
            { x: start.x + 20, y: start.y },
            { x: start.x + 20, y: end.y + (end.y > start.y ? -20 : 20) },
            { x: end.x, y: end.y + (end.y > start.y ? -20 : 20) },
            end,
          ];
    edge.waypoint = points
      .filter((p, i, all) => i === 0 || p.x !== all[i - 1].x || p.y !== all[i - 1].y)
      .map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) }));
    edge.label = undefined;
  }
  for (const shape of shapes.values()) shape.label = undefined;

  const bounds = (x, y, w, h) =>
    moddle.create('dc:Bounds', { x: Math.round(x), y: Math.round(y), width: Math.round(w), height: Math.round(h) });
  const laneShapes = lanes.map((lane) => {
    const band = bands.get(lane.id);
    return moddle.create('bpmndi:BPMNShape', {
      id: `${lane.id}_di`,
      bpmnElement: lane,
      isHorizontal: true,
      bounds: bounds(left + LANE_LABEL, band.top, width - LANE_LABEL, band.height),
    });
  });
  const pool = moddle.create('bpmndi:BPMNShape', {
    id: `${participant.id}_di`,
    bpmnElement: participant,
    isHorizontal: true,
    bounds: bounds(left, 0, width, top),
  });
  plane.bpmnElement = collaboration;
  plane.planeElement = [pool, ...laneShapes, ...plane.planeElement];
  const { xml: out } = await moddle.toXML(definitions, { format: true });
  return out;
}

for (const file of process.argv.slice(2)) {
  const xml = readFileSync(file, 'utf8');
  writeFileSync(file, await drawLanes(await layoutProcess(xml)));
  console.log(`laid out ${file}`);
}
