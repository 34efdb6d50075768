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

/** Starts the built hub as a user would (`node dist/src/main.js`) and waits until it says it is ready. */
export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    env: { ...process.env, PORT: '0', ...env },
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
    new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', () => resolve());
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
