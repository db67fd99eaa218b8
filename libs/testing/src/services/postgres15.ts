import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { freePort, runCommand } from '@themis/event-store';
import { servicesDir } from './service-dirs.ts';

const PASSWORD = 'themis-test';
const PREFERRED_MAJOR = 15;

export interface LocalPostgres {
  readonly url: string;
  readonly major: number;
  readonly dataDir: string;
  readonly alreadyRunning: boolean;
}

interface State {
  readonly port: number;
  readonly major: number;
}

const isRoot = () => process.getuid?.() === 0;

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Debian keeps each major version's server in /usr/lib/postgresql/<major>/bin. */
function installedMajors(): number[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map(Number)
    .filter((major) => Number.isInteger(major) && existsSync(path.join(root, String(major), 'bin', 'postgres')))
    .sort((a, b) => a - b);
}

function log(message: string): void {
  process.stderr.write(`[services] ${message}\n`);
}

/** Installs Debian's PostgreSQL when no server is installed (root only; apt). */
function ensureInstalled(): number {
  let majors = installedMajors();
  if (majors.length === 0) {
    if (!isRoot()) {
      throw new Error(
        'No PostgreSQL server is installed (/usr/lib/postgresql/<major>/bin/postgres). Install it with ' +
          '"sudo apt-get install -y postgresql", or point THEMIS_TEST_PG15_URL at a PostgreSQL 15 server.',
      );
    }
    log('installing PostgreSQL with apt-get (once per machine)…');
    const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
    majors = installedMajors();
    if (majors.length === 0) throw new Error('apt-get installed postgresql, but no server binary was found under /usr/lib/postgresql');
  }
  return majors.includes(PREFERRED_MAJOR) ? PREFERRED_MAJOR : majors.find((major) => major >= 15) ?? majors.at(-1)!;
}

function run(command: string, args: string[], asPostgres: boolean): Promise<string> {
  return runCommand(command, args, asPostgres ? postgresUser() : undefined);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => undefined);
    return false;
  }
}

const urlFor = (port: number) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;

/**
 * Starts (installing if needed) a Debian PostgreSQL 15 server on a project-local data directory.
 * Idempotent: when it is already running it only checks that it answers.
 */
export async function startLocalPostgres15(): Promise<LocalPostgres> {
  const dir = path.join(servicesDir(), 'pg15');
  const dataDir = path.join(dir, 'data');
  const stateFile = path.join(dir, 'state.json');
  const state = JSON.parse(await readFile(stateFile, 'utf8').catch(() => 'null')) as State | null;
  if (state !== null && (await canConnect(urlFor(state.port)))) {
    return { url: urlFor(state.port), major: state.major, dataDir, alreadyRunning: true };
  }

  const major = ensureInstalled();
  const bin = (name: string) => `/usr/lib/postgresql/${major}/bin/${name}`;
  const asPostgres = isRoot();
  await mkdir(dir, { recursive: true, mode: 0o711 });
  await chmod(path.dirname(dir), 0o711).catch(() => undefined);
  await chmod(dir, 0o711);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising a PostgreSQL ${major} cluster in ${dataDir}`);
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { mode: 0o700 });
    const pwfile = path.join(dir, 'pwfile');
    await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    if (asPostgres) {
      const owner = postgresUser();
      await chown(dataDir, owner.uid, owner.gid);
      await chown(pwfile, owner.uid, owner.gid);
    }
    try {
      await run(bin('initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C'], asPostgres);
    } finally {
      await rm(pwfile, { force: true });
    }
  }

  const port = await freePort(state?.port ?? 54315);
  const logFile = path.join(dir, 'postgres.log');
  await writeFile(logFile, '', { flag: 'a' });
  if (asPostgres) {
    const owner = postgresUser();
    await chown(logFile, owner.uid, owner.gid);
  }
  await run(bin('pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`, 'start'], asPostgres).catch(
    async (error: Error) => {
      const tail = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n');
      throw new Error(`PostgreSQL ${major} did not start: ${error.message}\n${tail}`);
    },
  );
  await writeFile(stateFile, JSON.stringify({ port, major } satisfies State));
  log(`PostgreSQL ${major} running on 127.0.0.1:${port} (data in ${dataDir})`);
  return { url: urlFor(port), major, dataDir, alreadyRunning: false };
}

export async function stopLocalPostgres15(): Promise<boolean> {
  const dataDir = path.join(servicesDir(), 'pg15', 'data');
  const state = JSON.parse(await readFile(path.join(servicesDir(), 'pg15', 'state.json'), 'utf8').catch(() => 'null')) as State | null;
  if (state === null || !existsSync(path.join(dataDir, 'postmaster.pid'))) return false;
  await run(`/usr/lib/postgresql/${state.major}/bin/pg_ctl`, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], isRoot());
  return true;
}
