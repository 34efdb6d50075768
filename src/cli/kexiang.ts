#!/usr/bin/env node
import { spawn } from 'node:child_process';
import path from 'node:path';
import { type CommandStep, dispatch } from './commands';

/** The build's root (`dist/`): this file is dist/src/cli/kexiang.js. */
const distRoot = path.resolve(__dirname, '..', '..');

/** One step as its own Node process, sharing this terminal; a signal that ends it ends the command. */
function runStep(step: CommandStep): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(step.nodeArgs ?? []), path.join(distRoot, step.script), ...step.args], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** `npx kexiang <command>`: the package's `bin`. */
dispatch(process.argv.slice(2), {
  run: runStep,
  out: (text) => console.log(text),
  err: (text) => console.error(text),
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
