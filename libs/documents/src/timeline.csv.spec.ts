import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '@themis/domain';
import type { LdaArtifact } from '@themis/legal';
import { renderDocument } from './demand-pack.ts';
import { allFixturePacks, fixtureNames, fixturePack } from './testing/pack-fixtures.ts';

/** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i += 1;
      }
    }
    const rest = text.slice(i);
    if (rest.startsWith(',')) {
      record.push(field);
      field = '';
      i += 1;
    } else if (rest.startsWith('\r\n')) {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 2;
    } else if (rest[0] === '"' || rest[0] === '\r' || rest[0] === '\n') {
      throw new Error(`stray ${JSON.stringify(rest[0])} at ${i}`);
    } else {
      field += rest[0];
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record does not end in CRLF');
  return records;
}

const protectedCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** What the CSV must hold, worked out from the LDA artifact independently of the renderer. */
function expectedRows(lda: LdaArtifact): string[][] {
  const dated = lda.facts.timeline.map((e) => [e.date, e.precision, e.description, e.kind, e.source.label]);
  const undated = lda.facts.undated_items.map((u) => ['', '', u.description, 'undated', u.date_as_given === null ? u.source.label : `${u.source.label}; date as given: "${u.date_as_given}"`]);
  return [['date', 'precision', 'description', 'kind', 'source'], ...[...dated, ...undated].map((row) => row.map(protectedCell))];
}

describe('timeline.csv', () => {
  it.each(fixtureNames)('parses back to exactly the LDA timeline of %s', async (name) => {
    const pack = await fixturePack(name);
    const csv = await renderDocument('timeline.csv', pack.input);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(parseCsv(csv.body.toString('utf8'))).toEqual(expectedRows(pack.lda));
  });

  it('writes UTF-8 without a byte-order mark and only CRLF line ends outside quoted fields', async () => {
    for (const pack of await allFixturePacks()) {
      const body = (await renderDocument('timeline.csv', pack.input)).body;
      expect([...body.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(body.toString('utf8').startsWith('date,precision,description,kind,source\r\n')).toBe(true);
      expect(body.toString('utf8').replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    }
  });

  it('lists undated items after the dated ones, with an empty date and the date as given', async () => {
    const pack = await fixturePack('product_liability_florida.json');
    const rows = parseCsv((await renderDocument('timeline.csv', pack.input)).body.toString('utf8'));
    const last = rows.at(-1);
    expect(last?.slice(0, 2)).toEqual(['', '']);
    expect(last?.[3]).toBe('undated');
    expect(last?.[4]).toBe('Document "CPSC Complaint Database"; date as given: "Various 2023-2024"');
    expect(rows.slice(1, -1).every((row) => row[0] !== '')).toBe(true);
  });

  it('quotes and neutralises an adversarial description, keeping its text whole', async () => {
    const pack = await fixturePack('rear_end_collision_texas.json');
    const evil = '=HYPERLINK("http://evil.test/?q=1","Click, here")\nsecond line with "quotes"';
    const entry = { date: '2025-01-19', precision: 'day', description: evil, kind: 'event', source: { path: 'events.9', label: '@label, "quoted"' } };
    const lda = { ...pack.lda, facts: { ...pack.lda.facts, timeline: [...pack.lda.facts.timeline, entry] } } as unknown as JsonValue;
    const csv = (await renderDocument('timeline.csv', { ...pack.input, artifacts: { ...pack.input.artifacts, 'facts-step': lda } })).body.toString('utf8');
    expect(csv).toContain('2025-01-19,day,"\'=HYPERLINK(""http://evil.test/?q=1"",""Click, here"")\nsecond line with ""quotes""",event,"\'@label, ""quoted"""\r\n');
    expect(parseCsv(csv).at(-1)).toEqual(['2025-01-19', 'day', `'${evil}`, 'event', '\'@label, "quoted"']);
  });
});
