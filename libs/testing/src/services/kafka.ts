import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, isProcessAlive } from '@themis/event-store';
import { ensureDebianTool } from './debian-tools.ts';
import { workspaceRoot } from './service-dirs.ts';
import { log, readState, serviceDir, waitUntil, writeState } from './service-state.ts';

export const KAFKA_VERSION = '4.4.0';

interface KafkaState {
  readonly brokerPort: number;
  readonly controllerPort: number;
  readonly pid: number;
}

export interface LocalKafka {
  readonly brokers: string;
  readonly alreadyRunning: boolean;
}

/** Memory flags checked on these machines: the broker runs in about 210 MB (NOTES). */
const JVM_FLAGS = ['-Xms64m', '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:ReservedCodeCacheSize=64m', '-XX:MaxMetaspaceSize=128m', '-Xss512k'];

async function answers(brokers: string): Promise<boolean> {
  const admin = new Kafka({ clientId: 'themis-services', brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 1_000 }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The broker's jars, resolved once per machine from Maven Central (infra/kafka/pom.xml). */
function ensureJars(): string {
  const dir = path.join(homedir(), '.cache', 'themis', `kafka-${KAFKA_VERSION}`, 'libs');
  if (existsSync(path.join(dir, `kafka_2.13-${KAFKA_VERSION}.jar`))) return dir;
  ensureDebianTool('java', 'openjdk-17-jre-headless');
  ensureDebianTool('mvn', 'maven');
  log(`resolving Apache Kafka ${KAFKA_VERSION} from Maven Central (once per machine)…`);
  const staging = `${dir}.${process.pid}`;
  execFileSync('mvn', ['-q', '-f', path.join(workspaceRoot, 'infra', 'kafka', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`], { stdio: 'inherit' });
  execFileSync('mkdir', ['-p', path.dirname(dir)]);
  execFileSync('mv', [staging, dir]);
  return dir;
}

function java(args: string[], jars: string): string {
  return execFileSync('java', ['-cp', `${jars}/*`, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts one KRaft Kafka node (broker and controller) on loopback for this checkout; idempotent. */
export async function startLocalKafka(): Promise<LocalKafka> {
  const state = await readState<KafkaState>('kafka');
  if (state !== undefined && isProcessAlive(state.pid) && (await answers(`127.0.0.1:${state.brokerPort}`))) {
    return { brokers: `127.0.0.1:${state.brokerPort}`, alreadyRunning: true };
  }
  const jars = ensureJars();
  const dir = await serviceDir('kafka');
  const dataDir = path.join(dir, 'data');
  const brokerPort = await freePort(state?.brokerPort ?? 19092);
  const controllerPort = await freePort(state?.controllerPort ?? 19093);
  const template = await readFile(path.join(workspaceRoot, 'infra', 'kafka', 'server.properties.template'), 'utf8');
  const properties = path.join(dir, 'server.properties');
  await writeFile(
    properties,
    template.replaceAll('{{BROKER_PORT}}', String(brokerPort)).replaceAll('{{CONTROLLER_PORT}}', String(controllerPort)).replaceAll('{{LOG_DIR}}', dataDir),
  );
  if (!existsSync(path.join(dataDir, 'meta.properties'))) {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    const clusterId = java(['kafka.tools.StorageTool', 'random-uuid'], jars).trim().split('\n').at(-1)!;
    java(['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties], jars);
  }
  const logFile = await open(path.join(dir, 'kafka.log'), 'a');
  const child = spawn('java', [...JVM_FLAGS, `-Dkafka.logs.dir=${dir}`, '-cp', `${jars}/*`, 'kafka.Kafka', properties], {
    detached: true,
    stdio: ['ignore', logFile.fd, logFile.fd],
  });
  await logFile.close();
  child.unref();
  const brokers = `127.0.0.1:${brokerPort}`;
  await writeState('kafka', { brokerPort, controllerPort, pid: child.pid! } satisfies KafkaState);
  await waitUntil(() => answers(brokers), 90_000, `Kafka (see ${path.join(dir, 'kafka.log')})`);
  log(`Kafka ${KAFKA_VERSION} running on ${brokers}`);
  return { brokers, alreadyRunning: false };
}

export async function stopLocalKafka(): Promise<boolean> {
  const state = await readState<KafkaState>('kafka');
  if (state === undefined || !isProcessAlive(state.pid)) return false;
  process.kill(state.pid, 'SIGTERM');
  await waitUntil(() => Promise.resolve(!isProcessAlive(state.pid)), 60_000, 'Kafka shutdown');
  return true;
}

/** For fault tests: stop the broker hard (SIGKILL) and start it again on the same ports and data. */
export async function killLocalKafka(): Promise<void> {
  const state = await readState<KafkaState>('kafka');
  if (state !== undefined && isProcessAlive(state.pid)) {
    process.kill(state.pid, 'SIGKILL');
    await waitUntil(() => Promise.resolve(!isProcessAlive(state.pid)), 10_000, 'Kafka kill');
  }
}

