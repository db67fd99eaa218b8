import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from './startup-error.ts';

export interface OsUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
}

export const isRoot = (): boolean => process.getuid?.() === 0;

function lookUp(name: string): OsUser | undefined {
  try {
    const read = (flag: string) => execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { name, uid: Number(read('-u')), gid: Number(read('-g')), groups: read('-G').split(/\s+/).map(Number) };
  } catch {
    return undefined;
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` user, creating it if needed. */
export function ensurePostgresUser(): OsUser {
  const existing = lookUp('postgres');
  if (existing !== undefined) return existing;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    throw new StartupError(
      'postgres_user_missing',
      'Running as root, Themis starts PostgreSQL as the "postgres" OS user, which does not exist and could not be created ' +
        `(useradd failed: ${(error as Error).message.trim()}). Create it, run as an ordinary user, or set DATABASE_URL.`,
      { cause: error },
    );
  }
  const created = lookUp('postgres');
  if (created === undefined) throw new StartupError('postgres_user_missing', 'The "postgres" OS user could not be found after creating it.');
  return created;
}

/** The first directory on the way to `target` that `user` may not enter (search permission), if any. */
export function firstBlockedDirectory(user: OsUser, target: string): string | undefined {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of ['', ...parts]) {
    current = part === '' ? current : path.join(current, part);
    let stat;
    try {
      stat = statSync(current);
    } catch {
      return undefined; // does not exist yet: whoever creates it decides its mode
    }
    if (!stat.isDirectory()) continue;
    const mode = stat.mode;
    const allowed =
      stat.uid === user.uid ? (mode & 0o100) !== 0 : user.groups.includes(stat.gid) || stat.gid === user.gid ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
    if (!allowed) return current;
  }
  return undefined;
}
