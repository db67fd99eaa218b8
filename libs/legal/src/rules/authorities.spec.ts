import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { authoritiesTable } from './authorities.table.ts';
import { cite, clientAuthority } from './authorities.ts';

// The reference the table is curated from, kept beside it so the check runs anywhere.
const reference = readFileSync(new URL('./sources/pi-law-5-states.md', import.meta.url), 'utf8');
const tableLines = reference.split('\n').filter((line) => line.startsWith('|'));

function rowOf(citation: string): string {
  const line = tableLines.find((candidate) => candidate.includes(citation));
  if (line === undefined) throw new Error(`citation not found in any reference table row: ${citation}`);
  return line;
}

describe('the curated authorities table', () => {
  it('has unique ids', () => {
    const ids = authoritiesTable.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(authoritiesTable.map((row) => [row.id, row] as const))('%s: citation, URLs and grade are verbatim from the reference row', (_id, row) => {
    const line = rowOf(row.citation);
    expect(row.sourceUrls.length).toBeGreaterThan(0);
    for (const url of row.sourceUrls) expect(line).toContain(url);
    const grade = line.split('|').map((cell) => cell.trim()).filter((cell) => cell !== '').at(-1) ?? '';
    expect(grade.startsWith(row.verified)).toBe(true);
    if (row.verificationNote !== null) expect(grade).toContain(row.verificationNote);
  });

  it('covers the five states for limitation, fault, computation and minors', () => {
    for (const topic of ['limitation_general', 'limitation_medical_malpractice', 'comparative_fault', 'deadline_computation', 'minors_tolling', 'government_claim', 'dog_bite'] as const) {
      expect(new Set(authoritiesTable.filter((row) => row.topic === topic).map((row) => row.state))).toEqual(new Set(['CA', 'NY', 'TX', 'FL', 'IL']));
    }
  });

  it('renders a cited authority with its source and grade', () => {
    expect(cite('ny.limitation.medmal')).toMatchObject({
      cite: 'N.Y. CPLR 214-a',
      verified: 'partly',
      verification_note: 'foreign-object period unverified',
      source_url: 'https://nycourts.gov/REPORTER/3dseries/2008/2008_06195.htm',
      origin: 'curated',
    });
  });

  it('marks a client authority as client-supplied and says whether the table has it', () => {
    expect(clientAuthority('CACI 3903D', 'Earning capacity')).toMatchObject({ origin: 'client_supplied', in_curated_table: false });
    expect(clientAuthority('Cal. Civ. Code § 3342', null)).toMatchObject({ origin: 'client_supplied', in_curated_table: true });
  });
});
