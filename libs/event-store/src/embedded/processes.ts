import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** Children get a fixed, minimal environment: a C locale, nothing inherited. */
export const childEnv = { LC_ALL: 'C', LANG: 'C', PATH: '/usr/bin:/bin' } as const;

/** Runs a command to completion (as another user when `runAs` is given); rejects with its output on failure. */
export function runCommand(command: string, args: readonly string[], runAs?: RunAs): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], ...(runAs === undefined ? {} : { uid: runAs.uid, gid: runAs.gid }) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} ${args[0] ?? ''} exited with ${code}: ${output.trim()}`)),
    );
  });
}

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : undefined));
    });
  });
}

/** A free loopback port: `preferred` when it is free, else any. */
export async function freePort(preferred = 0): Promise<number> {
  const port = (preferred === 0 ? undefined : await listenOn(preferred)) ?? (await listenOn(0));
  if (port === undefined) throw new Error('no free loopback port');
  return port;
}
