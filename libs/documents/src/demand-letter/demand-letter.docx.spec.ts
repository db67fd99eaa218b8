import { describe, expect, it } from '@jest/globals';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { renderDocument } from '../demand-pack.ts';
import { fixtureNames, fixturePack, matterPack } from '../testing/pack-fixtures.ts';
import { buildDemandLetter } from './demand-letter.model.ts';
import { layoutDemandLetter } from './demand-letter.layout.ts';
import type { FixturePack } from '../testing/pack-fixtures.ts';

const decode = (xml: string): string => xml.replace(/&(lt|gt|quot|apos|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');

/** Each `w:p` as the text Word shows: its runs joined, `w:br` as a line break. */
const paragraphs = (xml: string): string[] =>
  xml.split('</w:p>').map((p) => decode([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join('')));

async function docxOf(pack: FixturePack): Promise<Record<string, string>> {
  const rendered = await renderDocument('demand-letter.docx', pack.input);
  expect(rendered.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(rendered.body))).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

const usd = (amount: number): string => `$${amount.toLocaleString('en-US')}`;

describe('demand-letter.docx', () => {
  it.each(fixtureNames)('is a well-formed Word package carrying the letter of %s', async (name) => {
    const pack = await fixturePack(name);
    const files = await docxOf(pack);
    const xml = files['word/document.xml'] ?? '';
    expect(XMLValidator.validate(xml)).toBe(true);
    const text = paragraphs(xml);
    const all = text.join('\n');
    expect(all).toContain(`Our client: ${pack.lda.facts.plaintiff ?? ''}`);
    expect(all).toContain(usd(pack.lsa.strategy.negotiation_positions.opening.amount));
    const included = pack.lda.facts.damages.lines.filter((l) => l.included);
    if (included.length > 0) expect(text).toContain(usd(pack.lda.facts.damages.economic_total));
    expect((xml.match(/<w:tr[ >]/g) ?? []).length).toBe(included.length === 0 ? 0 : included.length + 2);
  });

  it.each(fixtureNames)('says exactly what the Markdown says for %s, block by block', async (name) => {
    const pack = await fixturePack(name);
    const text = paragraphs((await docxOf(pack))['word/document.xml'] ?? '');
    const blocks = layoutDemandLetter(buildDemandLetter({ ...pack, letterDate: pack.input.letterDate }));
    for (const block of blocks) {
      if (block.kind === 'list') for (const item of block.items) expect(text).toContain(item);
      else if (block.kind === 'lines') expect(text).toContain(block.lines.join('\n'));
      else if (block.kind === 'table') for (const cell of [...block.rows.flat(), ...block.total].filter((c) => c !== '')) expect(text).toContain(cell);
      else expect(text).toContain(block.text);
    }
  });

  it('uses real headings, a header row for the specials table, and page numbers in the footer', async () => {
    const files = await docxOf(await fixturePack('rear_end_collision_texas.json'));
    const xml = files['word/document.xml'] ?? '';
    const headings = xml.split('</w:p>').filter((p) => p.includes('<w:pStyle w:val="Heading2"/>')).map((p) => paragraphs(p)[0]);
    expect(headings).toEqual(['Facts', 'Liability', 'Injuries and Treatment', 'Damages', 'Demand', 'Response Deadline', 'Missing Information (attorney review; remove before sending)', 'Attorney Review Notes (remove before sending)']);
    expect(xml).toContain('<w:tblHeader/>');
    const footer = Object.entries(files).find(([path]) => /^word\/footer\d+\.xml$/.test(path))?.[1] ?? '';
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(files['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-06-01T00:00:00Z</dcterms:created>');
  });

  it('stays well-formed when matter text holds characters XML cannot carry', async () => {
    const pack = await matterPack({ summary: 'Zoe\u0001 Park was rear-ended on 2024-05-01 & hurt her <neck>.\u0000', parties: ['Zoe Park (Client)', 'Acme "Freight" LLC'], metadata: { jurisdiction: 'California', title: 'Park v. Acme\u000b' }, damages: { specials: 1000 } });
    const files = await docxOf(pack);
    expect(XMLValidator.validate(files['word/document.xml'] ?? '')).toBe(true);
    expect(XMLValidator.validate(files['docProps/core.xml'] ?? '')).toBe(true);
    expect(paragraphs(files['word/document.xml'] ?? '').join('\n')).toContain('Zoe\uFFFD Park was rear-ended on 2024-05-01 & hurt her <neck>.\uFFFD');
  });
});
