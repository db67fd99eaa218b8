import { hostname } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupError } from './startup-error.ts';

export interface LockContent {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
  readonly postgresPid?: number;
  readonly port?: number;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One Themis per data directory: an exclusive lock file holding the owner's pid. */
export class DataDirLock {
  readonly file: string;
  #held = false;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'themis.lock');
  }

  /** Takes the lock, or throws naming the live owner. A lock left by a dead process is taken over. */
  async acquire(): Promise<{ recoveredFrom: LockContent | undefined }> {
    const mine: LockContent = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
    let recoveredFrom: LockContent | undefined;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await writeFile(this.file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
        this.#held = true;
        return { recoveredFrom };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await this.read();
      if (owner !== undefined && owner.hostname === hostname() && isProcessAlive(owner.pid)) {
        throw new StartupError(
          'data_dir_in_use',
          `${owner.pid === process.pid ? 'This process' : 'Another Themis'} (pid ${owner.pid}, started ${owner.startedAt}${owner.port === undefined ? '' : `, PostgreSQL on port ${owner.port}`}) ` +
            `is using the data directory ${path.dirname(this.file)}. Stop it first, or set THEMIS_DATA_DIR to another directory.`,
        );
      }
      recoveredFrom = owner;
      await rm(this.file, { force: true });
    }
    throw new StartupError('data_dir_in_use', `Could not take the lock ${this.file}; another process keeps recreating it.`);
  }

  async read(): Promise<LockContent | undefined> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as LockContent;
    } catch {
      return undefined;
    }
  }

  async update(extra: Pick<LockContent, 'postgresPid' | 'port'>): Promise<void> {
    const current = await this.read();
    if (current?.pid !== process.pid) return;
    await writeFile(this.file, JSON.stringify({ ...current, ...extra }), { mode: 0o600 });
  }

  /** For process 'exit' handlers, where nothing asynchronous runs any more. */
  releaseSync(): void {
    if (!this.#held) return;
    this.#held = false;
    try {
      if ((JSON.parse(readFileSync(this.file, 'utf8')) as LockContent).pid === process.pid) rmSync(this.file, { force: true });
    } catch {
      // already gone
    }
  }

  async release(): Promise<void> {
    if (!this.#held) return;
    this.#held = false;
    const current = await this.read();
    if (current?.pid === process.pid) await rm(this.file, { force: true });
  }
}
