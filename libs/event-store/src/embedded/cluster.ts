import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@themis/telemetry';
import type { PostgresBinaries } from './binaries.ts';
import { firstBlockedDirectory, type OsUser } from './os-user.ts';
import { runCommand } from './processes.ts';
import { StartupError } from './startup-error.ts';

/**
 * The cluster lives in `<dataDir>/pg<major>`. As root, the `postgres` user runs the server and must
 * reach it; when a directory on the way blocks it (a checkout under a mode-700 home), the cluster
 * goes to /var/lib/themis/<data dir name>-<hash> instead, and the rest (password, log, lock) stays.
 */
export async function clusterDirFor(dataDir: string, major: number, runAs: OsUser | undefined, logger: Logger): Promise<string> {
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

export async function initialiseCluster(
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
  // Leftovers of a first start that was interrupted (named after a pid that is gone).
  const parent = path.dirname(clusterDir);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`${path.basename(clusterDir)}.initdb-`) || entry.startsWith(`${path.basename(clusterDir)}.pw-`)) {
      await rm(path.join(parent, entry), { recursive: true, force: true });
    }
  }
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs !== undefined) {
    await chown(staging, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }
  try {
    await runCommand(
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

export async function readPassword(passwordFile: string, clusterDir: string): Promise<string> {
  try {
    return (await readFile(passwordFile, 'utf8')).trim();
  } catch {
    throw new StartupError(
      'password_missing',
      `The cluster ${clusterDir} exists but its password file ${passwordFile} is missing. Restore the file, or delete the cluster directory to start afresh (its data is lost).`,
    );
  }
}
