import { type ChildProcess, spawn } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '@themis/telemetry';
import type { PostgresBinaries } from './binaries.ts';
import { isProcessAlive } from './data-dir-lock.ts';
import { runCommand } from './processes.ts';
import type { OsUser } from './os-user.ts';
import { childEnv, freePort } from './processes.ts';
import { StartupError } from './startup-error.ts';

/** A server left running by a Themis that was killed holds the cluster; shut it down before starting ours. */
export async function stopOrphanedServer(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  // After a reboot the pid may belong to an unrelated process: only a postgres serving this cluster is stopped.
  if (!(await commandLineOf(pid)).includes(clusterDir)) return;
  logger.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier Themis');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (!isProcessAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError('orphan_server', `PostgreSQL (pid ${pid}) still holds ${clusterDir} and did not stop; stop it and start again.`);
}

export async function startServer(
  binaries: PostgresBinaries,
  clusterDir: string,
  dataDir: string,
  password: string,
  runAs: OsUser | undefined,
  logger: Logger,
  fixedPort?: number,
): Promise<{ child: ChildProcess; port: number }> {
  const logFile = path.join(dataDir, 'postgres.log');
  for (let attempt = 1; ; attempt += 1) {
    const port = fixedPort ?? (await freePort());
    const log = await open(logFile, 'a', 0o600);
    const child = spawn(
      binaries.postgres,
      ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
      { env: childEnv, detached: true, stdio: ['ignore', log.fd, log.fd], ...(runAs === undefined ? {} : { uid: runAs.uid, gid: runAs.gid }) },
    );
    await log.close();
    // From here until stopServer, a process exit (a signal, a crash) asks the server to shut down:
    // it runs in its own process group, so nothing else would.
    const stopOnExit = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    };
    process.once('exit', stopOnExit);
    child.once('exit', () => process.off('exit', stopOnExit));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.once('error', (error) => logger.error({ err: error }, 'could not spawn postgres'));
    let ready: boolean;
    try {
      ready = await waitUntilAccepting(port, password, exited);
    } catch (error) {
      await stopServer(child, logger);
      throw error;
    }
    if (ready) return { child, port };
    await stopServer(child, logger);
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n');
    if (fixedPort === undefined && attempt < 3 && /could not bind|Address already in use/i.test(tail)) continue;
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
    } catch (error) {
      await client.end().catch(() => undefined);
      // The server is up but refuses the password: waiting will not help.
      if ((error as { code?: string }).code === '28P01') {
        throw new StartupError(
          'password_mismatch',
          'The embedded PostgreSQL rejects the password in postgres.password (the file does not belong to this cluster). Restore the right file, or delete the cluster directory to start afresh (its data is lost).',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return false;
}

export async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
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
export async function stopServer(child: ChildProcess, logger: Logger): Promise<void> {
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

/** The command line of a process: /proc on Linux, `ps` elsewhere; empty when it cannot be read. */
async function commandLineOf(pid: number): Promise<string> {
  const fromProc = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (fromProc !== undefined) return fromProc.replaceAll('\0', ' ');
  return runCommand('ps', ['-o', 'command=', '-p', String(pid)]).catch(() => '');
}
