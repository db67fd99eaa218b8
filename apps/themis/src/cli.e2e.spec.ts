import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '@themis/event-store';

const main = path.join(import.meta.dirname, 'main.ts');
const fixtures = path.resolve(import.meta.dirname, '../../../libs/testing/fixtures');

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function themis(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [main, ...args], { env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Starts `themis serve` and resolves with its URL and printed sample request once it is ready. */
async function serveReady(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; curl: string; done: Promise<Finished> }> {
  const child = themis(['serve'], { PORT: '0', ...env });
  const done = finished(child);
  let seen = '';
  const ready = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Stop: Ctrl-C')) resolve(seen);
    });
    void done.then((result) => reject(new Error(`serve exited early (${result.code}): ${result.stderr}`)));
  });
  const url = /ready on (http:\/\/\S+) after/.exec(ready)![1]!;
  const curl = ready.split('\n').find((line) => line.trim().startsWith('curl '))!.trim();
  return { child, url, curl, done };
}

describe('the themis CLI', () => {
  let work: string;
  let dataDir: string;
  let planId: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'themis-cli-spec-'));
    await chmod(work, 0o711); // as root, the postgres user must be able to enter the data directory
    dataDir = path.join(work, 'data');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('runs a matter file end to end and writes the plan, its events and each artifact', async () => {
    const out = path.join(work, 'out');
    const result = await finished(themis(['run', path.join(fixtures, 'nominal_collision_matter.json'), '--out', out], { THEMIS_DATA_DIR: dataDir }));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Completed: 11 events/);
    const plan = JSON.parse(await readFile(path.join(out, 'plan.json'), 'utf8')) as { id: string; status: string };
    expect(plan.status).toBe('completed');
    planId = plan.id;
    expect((await readdir(path.join(out, 'artifacts'))).sort()).toEqual(['assembly.json', 'dea.json', 'lda.json', 'lsa.json']);
    expect(JSON.parse(await readFile(path.join(out, 'events.json'), 'utf8'))).toHaveLength(11);
    expect((await readdir(out)).sort()).toEqual(['artifacts', 'demand-letter.docx', 'demand-letter.md', 'demand-letter.pdf', 'events.json', 'plan.json', 'timeline.csv']);
  });

  it('replays the stored history without running anything, as of any version', async () => {
    const full = await finished(themis(['replay', planId, '--json'], { THEMIS_DATA_DIR: dataDir }));
    expect(full.code).toBe(0);
    const replayed = JSON.parse(full.stdout) as { plan: { status: string; version: number }; hashChain: string };
    expect(replayed).toMatchObject({ plan: { status: 'completed', version: 11 }, hashChain: 'intact' });
    const early = JSON.parse((await finished(themis(['replay', planId, '--json', '--as-of', '2'], { THEMIS_DATA_DIR: dataDir }))).stdout) as {
      plan: { status: string };
    };
    expect(early.plan.status).toBe('running');
    const verified = await finished(themis(['verify', planId], { THEMIS_DATA_DIR: dataDir }));
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringMatching(/^Hash chain intact: 11 events/)]);
  });

  it('serves the API; the printed curl works; Ctrl-C stops PostgreSQL; a restart serves the same plan from its events', async () => {
    const first = await serveReady({ THEMIS_DATA_DIR: dataDir });
    const lock = JSON.parse(await readFile(path.join(dataDir, 'themis.lock'), 'utf8')) as { postgresPid: number };
    const curl = await finished(spawn('bash', ['-c', first.curl], { stdio: ['ignore', 'pipe', 'pipe'] }));
    const ran = JSON.parse(curl.stdout) as { plan: { id: string; status: string; version: number }; artifacts: Record<string, unknown> };
    expect(ran.plan.status).toBe('completed');
    expect(Object.keys(ran.artifacts).sort()).toEqual(['assembly', 'dea', 'lda', 'lsa']);
    const before = await (await fetch(`${first.url}/v1/plans/${ran.plan.id}`)).json();

    const second = await finished(themis(['serve'], { THEMIS_DATA_DIR: dataDir, PORT: '0' }));
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/Another Themis \(pid \d+.*is using the data directory/);

    first.child.kill('SIGINT');
    expect((await first.done).code).toBe(0);
    expect(isProcessAlive(lock.postgresPid)).toBe(false);

    const restarted = await serveReady({ THEMIS_DATA_DIR: dataDir });
    try {
      const after = await (await fetch(`${restarted.url}/v1/plans/${ran.plan.id}`)).json();
      expect(after).toEqual(before);
    } finally {
      restarted.child.kill('SIGTERM');
      expect((await restarted.done).code).toBe(0);
    }
  });

  it('leaves no PostgreSQL and no lock behind when interrupted while starting', async () => {
    const fresh = path.join(work, 'interrupted');
    const child = themis(['serve'], { THEMIS_DATA_DIR: fresh, PORT: '0' });
    const done = finished(child);
    const pidFile = path.join(fresh, 'pg18', 'postmaster.pid');
    let postgresPid = 0;
    for (let waited = 0; postgresPid === 0 && waited < 30_000; waited += 20) {
      postgresPid = Number((await readFile(pidFile, 'utf8').catch(() => '0')).split('\n')[0]);
      if (postgresPid === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(postgresPid).toBeGreaterThan(0);
    child.kill('SIGINT');
    await done;
    for (let waited = 0; isProcessAlive(postgresPid) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isProcessAlive(postgresPid)).toBe(false);
    await expect(readFile(path.join(fresh, 'themis.lock'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('explains a bad configuration value and exits 78', async () => {
    const result = await finished(themis(['serve'], { THEMIS_DATA_DIR: dataDir, PORT: 'eighty' }));
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT: ');
    expect(result.stderr).toContain('got "eighty"');
  });

  it('lists every problem of an invalid matter file and exits 2', async () => {
    const file = path.join(work, 'bad.yaml');
    await (await import('node:fs/promises')).writeFile(file, 'summary: Slipped on ice outside the store.\nparties: []\ndocuments:\n  - title: Report\n    date: not a date\n');
    const result = await finished(themis(['run', file], { THEMIS_DATA_DIR: dataDir }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('matter.parties');
    expect(result.stderr).toContain('matter.documents.0.date');
  });
});
