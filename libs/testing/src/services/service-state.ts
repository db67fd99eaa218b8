import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { servicesDir } from './service-dirs.ts';

/** Where a local service keeps its data, log and state (created on demand). */
export async function serviceDir(name: string): Promise<string> {
  const dir = path.join(servicesDir(), name);
  await mkdir(dir, { recursive: true, mode: 0o711 });
  return dir;
}

export async function readState<T>(name: string): Promise<T | undefined> {
  const text = await readFile(path.join(servicesDir(), name, 'state.json'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

export async function writeState(name: string, state: unknown): Promise<void> {
  await writeFile(path.join(await serviceDir(name), 'state.json'), JSON.stringify(state));
}

export function log(message: string): void {
  process.stderr.write(`[services] ${message}\n`);
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not come up within ${Math.round(timeoutMs / 1000)} s`);
}
