import { hostname } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await this.#create(mine)) {
        this.#held = true;
        return { recoveredFrom };
      }
      const owner = await this.read();
      if (owner !== undefined && owner.hostname === hostname() && isProcessAlive(owner.pid)) {
        throw new StartupError(
          'data_dir_in_use',
          `${owner.pid === process.pid ? 'This process' : 'Another Themis'} (pid ${owner.pid}, started ${owner.startedAt}${owner.port === undefined ? '' : `, PostgreSQL on port ${owner.port}`}) ` +
            `is using the data directory ${path.dirname(this.file)}. Stop it first, or set THEMIS_DATA_DIR to another directory.`,
        );
      }
      if (await this.#setAside(owner)) recoveredFrom = owner;
    }
    throw new StartupError('data_dir_in_use', `Could not take the lock ${this.file}; other processes keep taking it.`);
  }

  /** Creates the lock with its content in one step (link of a written file), so nobody reads it empty. */
  async #create(content: LockContent): Promise<boolean> {
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(temp, JSON.stringify(content), { mode: 0o600 });
    try {
      await link(temp, this.file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
  }

  /**
   * Moves a stale lock out of the way. Several starters may race here: only the one whose rename
   * succeeds removes it, and if what it moved is not the stale lock it saw (someone's fresh one),
   * it puts it back.
   */
  async #setAside(stale: LockContent | undefined): Promise<boolean> {
    const aside = `${this.file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      await rename(this.file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const moved = await readFile(aside, 'utf8').catch(() => '');
    if (stale !== undefined && moved !== '' && moved !== JSON.stringify(stale)) {
      await link(aside, this.file).catch(() => undefined);
      await rm(aside, { force: true });
      return false;
    }
    await rm(aside, { force: true });
    return true;
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
