import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { tokenFor } from './hub';

const root = path.join(__dirname, '..', '..');

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM and wait for the exit */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown code runs at all */
  kill(): Promise<void>;
}

const EXIT_WITHIN_MS = 15_000;

/** Starts the built hub as a user would (`node dist/src/main.js`) and waits until it says it is ready. */
export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  // As a user runs it: Jest's NODE_ENV=test would switch off behaviour (Apollo's signal handling) the hub must cope with.
  const { NODE_ENV: _, ...userEnv } = process.env;
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    env: { ...userEnv, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/localhost:\d+\/graphql)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`hub exited with ${code} before it was ready:\n${output}`)));
  });
  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve, reject) => {
      child.removeAllListeners('exit');
      const hung = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the hub did not exit within ${EXIT_WITHIN_MS / 1000} s of ${signal}:\n${output}`));
      }, EXIT_WITHIN_MS);
      child.on('exit', (code) => {
        clearTimeout(hung);
        if (signal === 'SIGTERM' && code !== 0) reject(new Error(`the hub exited with ${code} on SIGTERM:\n${output}`));
        else resolve();
      });
      child.kill(signal);
    });
  return { url, child, stop: () => ended('SIGTERM'), kill: () => ended('SIGKILL') };
}

export async function gqlAt<T>(url: string, query: string, variables: Record<string, unknown> = {}, as?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(as ?? 'admin')}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
