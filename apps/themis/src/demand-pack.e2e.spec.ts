import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { isCuratedCitation } from '@themis/legal';

const main = path.join(import.meta.dirname, 'main.ts');
const fixturesDir = path.resolve(import.meta.dirname, '../../../libs/testing/fixtures');

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('themis run on every fixture (the PI demand pack)', () => {
  let work: string;
  let server: ChildProcess;
  let serverDone: Promise<unknown>;
  const env = () => ({ THEMIS_DATA_DIR: path.join(work, 'data') });

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'themis-pack-spec-'));
    await chmod(work, 0o711);
    // One server; each `themis run` attaches to it, so the fixtures do not each start PostgreSQL.
    server = spawn(process.execPath, [main, 'serve'], { env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', PORT: '0', ...env() }, stdio: ['ignore', 'pipe', 'inherit'] });
    serverDone = new Promise((resolve) => server.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('Stop: Ctrl-C')) resolve();
      });
      void serverDone.then(() => reject(new Error('serve exited early')));
    });
  });
  afterAll(async () => {
    server.kill('SIGTERM');
    await serverDone;
    await rm(work, { recursive: true, force: true });
  });

  it('writes timeline.csv and the letter in Markdown, DOCX (valid XML) and PDF (renders) for each matter', async () => {
    const fixtures = (await readdir(fixturesDir)).filter((name) => /\.(json|ya?ml)$/.test(name)).sort();
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
    for (const fixture of fixtures) {
      const out = path.join(work, 'out', fixture);
      const result = await run(process.execPath, [main, 'run', path.join(fixturesDir, fixture), '--out', out], env());
      expect([fixture, result.code, result.stderr]).toEqual([fixture, 0, '']);
      expect(result.stdout).toContain('Documents: timeline.csv, demand-letter.md, demand-letter.docx, demand-letter.pdf');

      const csv = await readFile(path.join(out, 'timeline.csv'), 'utf8');
      expect(csv.startsWith('date,precision,description,kind,source\r\n')).toBe(true);

      const markdown = await readFile(path.join(out, 'demand-letter.md'), 'utf8');
      expect(markdown).toContain('Subject: Settlement Demand');
      const assembly = JSON.parse(await readFile(path.join(out, 'artifacts', 'assembly.json'), 'utf8')) as {
        demand_letter: { citations: string[]; damages: { lines: { amount: number }[]; economicTotal: number | null } };
      };
      for (const citation of assembly.demand_letter.citations) expect([fixture, citation, isCuratedCitation(citation)]).toEqual([fixture, citation, true]);
      const { lines, economicTotal } = assembly.demand_letter.damages;
      expect(economicTotal).toBe(lines.length === 0 ? null : Math.round(lines.reduce((sum, line) => sum + line.amount * 100, 0)) / 100);

      const docx = unzipSync(new Uint8Array(await readFile(path.join(out, 'demand-letter.docx'))));
      const documentXml = Buffer.from(docx['word/document.xml']!).toString('utf8');
      expect([fixture, XMLValidator.validate(documentXml)]).toEqual([fixture, true]);

      const pages = path.join(out, 'page');
      const rendered = await run('/usr/bin/pdftoppm', ['-png', '-r', '40', path.join(out, 'demand-letter.pdf'), pages]);
      expect([fixture, rendered.code, rendered.stderr]).toEqual([fixture, 0, '']);
      const images = (await readdir(out)).filter((name) => name.startsWith('page') && name.endsWith('.png'));
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) expect((await stat(path.join(out, image))).size).toBeGreaterThan(1_000);
    }
  });

  it('names what the sparse slip-and-fall file is missing instead of inventing it', async () => {
    const out = path.join(work, 'out', 'edgecase_sparse_slip_and_fall.json');
    const markdown = await readFile(path.join(out, 'demand-letter.md'), 'utf8');
    expect(markdown).toContain('Missing Information');
    expect(markdown).toContain('No medical records');
    expect(markdown).toContain('No itemised medical bills');
    // The only dollar figure is the client's own settlement goal.
    expect([...new Set(markdown.match(/\$[\d,]+(\.\d+)?/g))]).toEqual(['$45,000']);
  });
});
