import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { renderDocument } from '../demand-pack.ts';
import { type FixturePack, fixtureNames, fixturePack, matterPack } from '../testing/pack-fixtures.ts';

const run = promisify(execFile);
const PDFTOPPM = '/usr/bin/pdftoppm';
// pdftotext ships with pdftoppm in poppler-utils but is optional: text checks run only where it exists.
const PDFTOTEXT = '/usr/bin/pdftotext';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'themis-documents-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writePdf(pack: FixturePack, base: string): Promise<string> {
  const rendered = await renderDocument('demand-letter.pdf', pack.input);
  expect(rendered.contentType).toBe('application/pdf');
  expect(rendered.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = path.join(dir, `${base}.pdf`);
  await writeFile(file, rendered.body);
  return file;
}

/**
 * Pixels darker than mid-grey in an 8-bit, non-interlaced PNG (what pdftoppm writes), so a page
 * counts as rendered only if something was drawn on it: a blank page is a valid PNG too.
 */
function inkedPixels(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[png[25] ?? -1] ?? 0;
  if (png[24] !== 8 || png[28] !== 0 || channels === 0) throw new Error('unexpected PNG format');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = new Uint8Array(inflateSync(Buffer.concat(idat)));
  const stride = width * channels;
  let previous = new Uint8Array(stride);
  let inked = 0;
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const row = raw.slice(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = previous[x]!;
      const c = x >= channels ? previous[x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = (row[x]! + predictor) & 0xff;
    }
    for (let x = 0; x < stride; x += channels) if (row[x]! < 128) inked += 1;
    previous = row;
  }
  return inked;
}

const pdfText = async (file: string): Promise<string> => (await run(PDFTOTEXT, ['-layout', file, '-'])).stdout;

describe('demand-letter.pdf rendered by poppler', () => {
  it.each(fixtureNames)('rasterises every page of the %s letter to a PNG with text on it', async (name) => {
    const base = name.replace(/\W/g, '_');
    const file = await writePdf(await fixturePack(name), base);
    await run(PDFTOPPM, ['-png', '-r', '50', file, path.join(dir, base)]);
    const pages = (await readdir(dir)).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      const png = await readFile(path.join(dir, page));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(inkedPixels(png)).toBeGreaterThan(500);
    }
  });

  it('counts no ink on a blank page, so the check above can fail', async () => {
    const blank = new PDFDocument({ size: 'LETTER' });
    const chunks: Buffer[] = [];
    blank.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => blank.on('end', resolve));
    blank.end();
    await ended;
    await writeFile(path.join(dir, 'blank.pdf'), Buffer.concat(chunks));
    await run(PDFTOPPM, ['-png', '-r', '50', path.join(dir, 'blank.pdf'), path.join(dir, 'blank')]);
    expect(inkedPixels(await readFile(path.join(dir, 'blank-1.png')))).toBe(0);
  });

  (existsSync(PDFTOTEXT) ? it : it.skip)('shows the client, the specials total, the demand and page numbers as text', async () => {
    const pack = await fixturePack('rear_end_collision_texas.json');
    const text = (await pdfText(await writePdf(pack, 'text-check'))).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Our client: Daniel Okafor');
    expect(text).toContain('Total economic damages');
    expect(text).toContain('$41,350');
    expect(text).toContain('we demand $144,725 in full settlement');
    expect(text).toContain('Please respond in writing by July 1, 2025');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  (existsSync(PDFTOTEXT) ? it : it.skip)('prints Latin-1 names as written and marks characters Helvetica lacks with "?"', async () => {
    const pack = await matterPack({ summary: 'Zoë Müller-李 was rear-ended on 2024-05-01 and hurt her neck.', parties: ['Zoë Müller-李 (Client)', 'Acme Freight LLC'], metadata: { jurisdiction: 'California' }, damages: { specials: 1000 } });
    const text = await pdfText(await writePdf(pack, 'charset-check'));
    expect(text).toContain('Our client: Zoë Müller-?');
  });
});
