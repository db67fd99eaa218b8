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

export interface KafkaBroker {
  readonly brokers: string;
  readonly pid: number;
  readonly brokerPort: number;
  readonly controllerPort: number;
}

/**
 * Starts one KRaft node (broker and controller) with its data in `dir`, formatting the storage on
 * first use; the same ports and data on a later start continue where it stopped.
 */
export async function launchKafka(dir: string, ports: { brokerPort?: number; controllerPort?: number } = {}): Promise<KafkaBroker> {
  const jars = ensureJars();
  const dataDir = path.join(dir, 'data');
  await mkdir(dir, { recursive: true });
  const brokerPort = await freePort(ports.brokerPort ?? 0);
  const controllerPort = await freePort(ports.controllerPort ?? 0);
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
  await waitUntil(() => answers(brokers), 90_000, `Kafka (see ${path.join(dir, 'kafka.log')})`);
  return { brokers, pid: child.pid!, brokerPort, controllerPort };
}

/** Starts this checkout's Kafka for the tests and the distributed runtime; idempotent. */
export async function startLocalKafka(): Promise<LocalKafka> {
  const state = await readState<KafkaState>('kafka');
  if (state !== undefined && isProcessAlive(state.pid) && (await answers(`127.0.0.1:${state.brokerPort}`))) {
    return { brokers: `127.0.0.1:${state.brokerPort}`, alreadyRunning: true };
  }
  const dir = await serviceDir('kafka');
  const broker = await launchKafka(dir, { brokerPort: state?.brokerPort ?? 19092, controllerPort: state?.controllerPort ?? 19093 });
  await writeState('kafka', { brokerPort: broker.brokerPort, controllerPort: broker.controllerPort, pid: broker.pid } satisfies KafkaState);
  log(`Kafka ${KAFKA_VERSION} running on ${broker.brokers}`);
  return { brokers: broker.brokers, alreadyRunning: false };
}

export async function stopLocalKafka(): Promise<boolean> {
  const state = await readState<KafkaState>('kafka');
  if (state === undefined || !isProcessAlive(state.pid)) return false;
  process.kill(state.pid, 'SIGTERM');
  await waitUntil(() => Promise.resolve(!isProcessAlive(state.pid)), 60_000, 'Kafka shutdown');
  return true;
}
