import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { silentLogger } from '@themis/telemetry';
import { binariesReachableBy, findPackagedBinaries } from './binaries.ts';
import { isProcessAlive } from './data-dir-lock.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { firstBlockedDirectory, isRoot } from './os-user.ts';

const fixture = path.join(import.meta.dirname, 'testing', 'hold-embedded.ts');

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'themis-embedded-spec-'));
    await chmod(root, 0o711); // as root, the postgres user must be able to enter it
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('initialises a PostgreSQL 18 cluster on first start and reuses it, data included, on the next', async () => {
    const dataDir = path.join(root, 'reuse');
    const first = await startEmbeddedPostgres({ dataDir, logger: silentLogger });
    expect(first.initialised).toBe(true);
    expect(first.version).toMatch(/^18\./);
    expect(await query(first.url, "SELECT current_setting('server_version_num')::int / 10000 AS major")).toEqual([{ major: 18 }]);
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives a restart')");
    await first.stop();
    expect(isProcessAlive(first.pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, logger: silentLogger });
    try {
      expect(second.initialised).toBe(false);
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives a restart' }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a second Themis on the same data directory, naming the owner', async () => {
    const dataDir = path.join(root, 'locked');
    const owner = await startEmbeddedPostgres({ dataDir, logger: silentLogger });
    try {
      await expect(startEmbeddedPostgres({ dataDir, logger: silentLogger })).rejects.toMatchObject({
        code: 'data_dir_in_use',
        message: expect.stringContaining(`port ${owner.port}`),
      });
    } finally {
      await owner.stop();
    }
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dataDir = path.join(root, 'stale-lock');
    await mkdir(dataDir, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(path.join(dataDir, 'themis.lock'), JSON.stringify({ pid: Number(dead.stdout), hostname: (await import('node:os')).hostname(), startedAt: 'then' }));
    const server = await startEmbeddedPostgres({ dataDir, logger: silentLogger });
    await server.stop();
    expect(server.port).toBeGreaterThan(0);
  });

  it('stops a server orphaned by a killed Themis before starting its own', async () => {
    const dataDir = path.join(root, 'orphan');
    const holder = spawn(process.execPath, [fixture, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const orphanPid = await new Promise<number>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => {
        const match = /ready (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      holder.on('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
    });
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(isProcessAlive(orphanPid)).toBe(true);

    const server = await startEmbeddedPostgres({ dataDir, logger: silentLogger });
    try {
      expect(isProcessAlive(orphanPid)).toBe(false);
      expect(server.pid).not.toBe(orphanPid);
    } finally {
      await server.stop();
    }
  });

  it('keeps the cluster where PostgreSQL can reach it when the data directory sits behind a closed directory', async () => {
    const closed = path.join(root, 'home-700');
    await mkdir(closed, { mode: 0o700 });
    const dataDir = path.join(closed, '.themis');
    const server = await startEmbeddedPostgres({ dataDir, logger: silentLogger });
    try {
      expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
      if (isRoot()) {
        // As root the server runs as `postgres`, which cannot enter a mode-700 directory of root's.
        expect(server.clusterDir.startsWith('/var/lib/themis/.themis-')).toBe(true);
      } else {
        expect(server.clusterDir).toBe(path.join(dataDir, 'pg18'));
      }
      expect(await readFile(path.join(dataDir, 'postgres.password'), 'utf8')).toMatch(/^\S{20,}$/);
    } finally {
      await server.stop();
      if (isRoot()) await rm(path.dirname(server.clusterDir), { recursive: true, force: true });
    }
  });

  it('finds the first directory a user cannot enter', async () => {
    const closed = path.join(root, 'closed');
    await mkdir(path.join(closed, 'inner'), { recursive: true });
    await chmod(closed, 0o700);
    const stranger = { name: 'stranger', uid: 54_321, gid: 54_321, groups: [54_321] };
    expect(firstBlockedDirectory(stranger, path.join(closed, 'inner'))).toBe(closed);
    await chmod(closed, 0o711);
    expect(firstBlockedDirectory(stranger, path.join(closed, 'inner'))).toBeUndefined();
  });

  it('as root, copies the binaries to a root-owned directory the postgres user can enter when the checkout is closed to it', async () => {
    const packaged = await findPackagedBinaries();
    const stranger = { name: 'stranger', uid: 54_321, gid: 54_321, groups: [54_321] };
    const hidden = path.join(root, 'hidden-checkout');
    await mkdir(hidden, { mode: 0o700 });
    const nativeDir = path.resolve(packaged.postgres, '../..');
    const copy = path.join(hidden, 'native');
    spawnSync('cp', ['-a', nativeDir, copy]);
    const inHidden = { ...packaged, postgres: path.join(copy, 'bin', 'postgres'), initdb: path.join(copy, 'bin', 'initdb') };
    const relocating = binariesReachableBy(stranger, { ...inHidden, packageVersion: `${packaged.packageVersion}-spec${process.pid}` }, silentLogger);
    if (!isRoot()) {
      // Only root runs PostgreSQL as another user; an ordinary user cannot create /var/lib/themis.
      await expect(relocating).rejects.toMatchObject({ code: expect.stringMatching(/EACCES|EPERM/) });
      return;
    }
    const reachable = await relocating;
    try {
      expect(reachable.postgres.startsWith('/var/lib/themis/bin/')).toBe(true);
      expect(firstBlockedDirectory(stranger, path.dirname(reachable.postgres))).toBeUndefined();
      expect(spawnSync(reachable.postgres, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/PostgreSQL\) 18\./);
    } finally {
      await rm(path.resolve(reachable.postgres, '../..'), { recursive: true, force: true });
    }
  });
});
