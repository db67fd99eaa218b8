import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedPostgres, freePort, startEmbeddedPostgres } from '@themis/event-store';
import { silentLogger } from '@themis/telemetry';
import { ensureDebianTool } from '../services/debian-tools.ts';
import { type KafkaBroker, launchKafka } from '../services/kafka.ts';
import { workspaceRoot } from '../services/service-dirs.ts';

export type AppName = 'gateway' | 'orchestrator' | 'agent-lda' | 'agent-dea' | 'agent-lsa';
export const allApps: readonly AppName[] = ['orchestrator', 'agent-lda', 'agent-dea', 'agent-lsa', 'gateway'];

const readyLine: Record<AppName, string> = {
  gateway: 'gateway ready',
  orchestrator: 'orchestrator ready',
  'agent-lda': 'agent service ready',
  'agent-dea': 'agent service ready',
  'agent-lsa': 'agent service ready',
};

/**
 * A whole distributed Themis for fault tests: its own PostgreSQL, Redis and Kafka (so each can be
 * stopped and restarted on the same address), and the five apps as real processes.
 */
export class Cluster {
  readonly dir: string;
  readonly gatewayUrl: string;
  #postgres: EmbeddedPostgres | undefined;
  readonly #postgresPort: number;
  #redis: ChildProcess | undefined;
  readonly #redisPort: number;
  #kafka: KafkaBroker | undefined;
  readonly #gatewayPort: number;
  readonly #apps = new Map<AppName, ChildProcess>();
  /** Apps that exited without being asked to (a crash): a test fails on any. */
  readonly unexpectedExits: string[] = [];
  databaseUrl = '';

  private constructor(dir: string, ports: { postgres: number; redis: number; gateway: number }) {
    this.dir = dir;
    this.#postgresPort = ports.postgres;
    this.#redisPort = ports.redis;
    this.#gatewayPort = ports.gateway;
    this.gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  }

  static async start(apps: readonly AppName[] = allApps, env: Record<string, string> = {}): Promise<Cluster> {
    const dir = await mkdtemp(path.join(tmpdir(), 'themis-cluster-'));
    await chmod(dir, 0o711);
    const cluster = new Cluster(dir, { postgres: await freePort(), redis: await freePort(), gateway: await freePort() });
    cluster.#env = env;
    await Promise.all([cluster.startPostgres(), cluster.startRedis(), cluster.startKafka()]);
    await Promise.all(apps.map((app) => cluster.startApp(app)));
    return cluster;
  }

  #env: Record<string, string> = {};

  get kafkaBrokers(): string {
    return this.#kafka!.brokers;
  }

  get redisUrl(): string {
    return `redis://127.0.0.1:${this.#redisPort}`;
  }

  async startPostgres(): Promise<void> {
    this.#postgres = await startEmbeddedPostgres({ dataDir: path.join(this.dir, 'postgres'), logger: silentLogger, port: this.#postgresPort });
    this.databaseUrl = this.#postgres.url;
  }

  async stopPostgres(): Promise<void> {
    await this.#postgres?.stop();
    this.#postgres = undefined;
  }

  async startRedis(): Promise<void> {
    const binary = ensureDebianTool('redis-server', 'redis-server');
    this.#redis = spawn(binary, ['--port', String(this.#redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(this.#redisPort);
  }

  async stopRedis(): Promise<void> {
    const redis = this.#redis;
    this.#redis = undefined;
    if (redis === undefined || redis.exitCode !== null) return;
    const exited = new Promise((resolve) => redis.once('exit', resolve));
    redis.kill('SIGTERM');
    await exited;
  }

  async startKafka(): Promise<void> {
    const ports = this.#kafka === undefined ? {} : { brokerPort: this.#kafka.brokerPort, controllerPort: this.#kafka.controllerPort };
    this.#kafka = await launchKafka(path.join(this.dir, 'kafka'), ports);
  }

  /** Kills the broker outright (SIGKILL), keeping its ports and data for startKafka. */
  async killKafka(): Promise<void> {
    if (this.#kafka === undefined) return;
    await killAndWait(this.#kafka.pid, 'SIGKILL');
  }

  /** Starts an app (or a fixture script standing in for it) and waits for its ready line. */
  async startApp(app: AppName, fixture?: { script: string; args: string[] }): Promise<void> {
    const script = fixture?.script ?? path.join(workspaceRoot, 'apps', app, 'src', 'main.ts');
    const log = createWriteStream(path.join(this.dir, `${app}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [script, ...(fixture?.args ?? [])], {
      env: {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        DATABASE_URL: this.databaseUrl,
        KAFKA_BROKERS: this.kafkaBrokers,
        REDIS_URL: this.redisUrl,
        PORT: String(this.#gatewayPort),
        LOG_LEVEL: 'info',
        STEP_TIMEOUT_SECONDS: '90',
        EXECUTE_WAIT_SECONDS: '60',
        ...this.#env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#apps.set(app, child);
    child.once('exit', (code, signal) => {
      if (this.#apps.get(app) === child) this.unexpectedExits.push(`${app} exited (${signal ?? code}); see ${path.join(this.dir, `${app}.log`)}`);
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once('close', () => log.end());
    const ready = new Promise<void>((resolve, reject) => {
      let seen = '';
      const watchForReady = (chunk: Buffer) => {
        seen += chunk.toString();
        if (!seen.includes(`"msg":"${readyLine[app]}"`)) return;
        child.stdout.off('data', watchForReady);
        resolve();
      };
      child.stdout.on('data', watchForReady);
      child.once('exit', (code) => reject(new Error(`${app} exited with ${code} before it was ready; see ${path.join(this.dir, `${app}.log`)}`)));
    });
    await ready;
  }

  /** Kills an app: SIGKILL by default (a crash), SIGTERM for a graceful stop. */
  async killApp(app: AppName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.#apps.get(app);
    this.#apps.delete(app);
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#apps.keys()].map((app) => this.killApp(app, 'SIGTERM')));
    await this.killKafka();
    await this.stopRedis();
    await this.stopPostgres();
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function waitForPort(port: number): Promise<void> {
  const { connect } = await import('node:net');
  for (let waited = 0; waited < 15_000; waited += 50) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on port ${port}`);
}

async function killAndWait(pid: number, signal: NodeJS.Signals): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  for (let waited = 0; waited < 30_000; waited += 50) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
