// `npm run start:distributed`: the five apps as separate processes — gateway, orchestrator,
// agent-lda, agent-dea, agent-lsa — against local PostgreSQL, Kafka and Redis (started first with
// the services script). Logs are prefixed with the app's name; Ctrl-C stops them all in order.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { servicesUp } from './services.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apps = ['orchestrator', 'agent-lda', 'agent-dea', 'agent-lsa', 'gateway'] as const;

/** The distributed runtime keeps its plans in a database of its own on the local PostgreSQL. */
async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function prefixed(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void {
  let rest = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`${name.padEnd(12)} | ${line}\n`);
  });
}

const services = await servicesUp();
const env = {
  ...process.env,
  DATABASE_URL: await ensureDatabase(services.databaseUrl, 'themis'),
  KAFKA_BROKERS: services.kafkaBrokers,
  REDIS_URL: services.redisUrl,
  PORT: process.env['PORT'] ?? '8000',
};
const children = new Map<string, ChildProcess>();
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  process.stderr.write('\nstopping the apps…\n');
  // The gateway first: it takes no new requests and answers those in flight while the agents and
  // the orchestrator still run; then they finish their own work.
  const stop = async (names: readonly string[]) =>
    Promise.all(
      names.map((name) => {
        const child = children.get(name);
        if (child === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
    );
  void stop(['gateway'])
    .then(() => stop(apps.filter((app) => app !== 'gateway')))
    .then(() => {
      process.stderr.write('all apps stopped; `npm run services:down` stops PostgreSQL, Kafka and Redis\n');
      process.exit(code);
    });
}

for (const app of apps) {
  const child = spawn(process.execPath, [path.join(root, 'apps', app, 'src', 'main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.set(app, child);
  prefixed(app, child.stdout, process.stdout);
  prefixed(app, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`${app} exited (${signal ?? code}); stopping the others\n`);
    stopAll(1);
  });
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
process.stdout.write(
  `Distributed runtime starting: API on http://127.0.0.1:${env.PORT} (gateway), with PostgreSQL ${env.DATABASE_URL.replace(/\/\/[^@]+@/, '//…@')}, Kafka ${env.KAFKA_BROKERS}, Redis ${env.REDIS_URL}. Ctrl-C stops everything.\n`,
);
