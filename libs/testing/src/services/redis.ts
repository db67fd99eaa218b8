import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort, isProcessAlive } from '@themis/event-store';
import { ensureDebianTool } from './debian-tools.ts';
import { log, readState, serviceDir, waitUntil, writeState } from './service-state.ts';

interface RedisState {
  readonly port: number;
}

export interface LocalRedis {
  readonly url: string;
  readonly alreadyRunning: boolean;
}

const urlFor = (port: number) => `redis://127.0.0.1:${port}`;

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Starts (installing with apt if needed) a Redis server for this checkout: no persistence, loopback only. */
export async function startLocalRedis(): Promise<LocalRedis> {
  const state = await readState<RedisState>('redis');
  if (state !== undefined && (await answers(urlFor(state.port)))) return { url: urlFor(state.port), alreadyRunning: true };
  const binary = ensureDebianTool('redis-server', 'redis-server');
  const dir = await serviceDir('redis');
  const port = await freePort(state?.port ?? 6380);
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', path.join(dir, 'redis.pid'), '--dir', dir, '--logfile', path.join(dir, 'redis.log')],
    { stdio: 'ignore' },
  );
  await new Promise((resolve) => child.on('exit', resolve));
  await waitUntil(() => answers(urlFor(port)), 10_000, 'Redis');
  await writeState('redis', { port } satisfies RedisState);
  log(`Redis running on 127.0.0.1:${port}`);
  return { url: urlFor(port), alreadyRunning: false };
}

export async function stopLocalRedis(): Promise<boolean> {
  const dir = await serviceDir('redis');
  const pid = Number((await readFile(path.join(dir, 'redis.pid'), 'utf8').catch(() => '0')).trim());
  if (pid <= 0 || !isProcessAlive(pid)) return false;
  process.kill(pid, 'SIGTERM');
  await waitUntil(() => Promise.resolve(!isProcessAlive(pid)), 10_000, 'Redis shutdown');
  return true;
}
