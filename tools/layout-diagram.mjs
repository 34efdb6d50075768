// Adds diagram layout (BPMN DI) to a hand-written .bpmn so bpmnlint and the modeler accept it:
//   node tools/layout-diagram.mjs processes/fault-handling.bpmn
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

for (const file of process.argv.slice(2)) {
  const xml = readFileSync(file, 'utf8');
  writeFileSync(file, await layoutProcess(xml));
  console.log(`laid out ${file}`);
}
