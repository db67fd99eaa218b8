import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '@themis/domain';
import { matterTitle } from './matter-title.ts';
import { normalizeMatter } from './matter.normalize.ts';

const fixture = (name: string): JsonValue => JSON.parse(readFileSync(new URL(`../../../testing/fixtures/${name}`, import.meta.url), 'utf8')) as JsonValue;
const roles = (raw: JsonValue) => normalizeMatter(raw).parties.map((p) => [p.name, p.role, p.roleBasis]);

describe('normalizeMatter: parties and roles', () => {
  it('reads "(Client)" tags and the "X v. Y" title (nominal collision)', () => {
    expect(roles(fixture('nominal_collision_matter.json'))).toEqual([
      ['Maria Lopez', 'plaintiff', 'tag'],
      ['Coastal Delivery LLC', 'defendant', 'title'],
    ]);
  });

  it('keeps the counterparty as a contact, not as the defendant', () => {
    const matter = normalizeMatter(fixture('nominal_collision_matter.json'));
    expect(matter.counterparty).toBe('Claims Specialist for Coastal Delivery');
    expect(matter.parties.some((p) => p.name.includes('Claims Specialist'))).toBe(false);
  });

  it('recognises a minor suing through a guardian ad litem and a dog owner', () => {
    const [child, owner] = normalizeMatter(fixture('dog_bite_california.json')).parties;
    expect(child).toMatchObject({ name: 'Carlos Martinez', role: 'plaintiff', isMinor: true, guardian: 'Rosa Martinez', roleBasis: 'tag' });
    expect(owner).toMatchObject({ name: 'David Johnson', role: 'defendant', roleLabel: 'Dog Owner', roleBasis: 'tag' });
  });

  it('places an untagged third party by list order and says so', () => {
    expect(roles(fixture('medical_malpractice_new_york.json'))).toEqual([
      ['Patricia Williams', 'plaintiff', 'title'],
      ['Metropolitan Hospital', 'defendant', 'title'],
      ['Dr. Richard Hayes, M.D.', 'defendant', 'order'],
    ]);
  });

  it('takes Format B roles as given', () => {
    expect(roles(fixture('sample_matter.json'))).toEqual([
      ['Jane Smith', 'plaintiff', 'given'],
      ['Central Logistics, Inc.', 'defendant', 'given'],
    ]);
  });
});

describe('normalizeMatter: values', () => {
  it('reads Format B bills, damages, insurance and timeline', () => {
    const matter = normalizeMatter(fixture('sample_matter.json'));
    expect(matter.format).toBe('B');
    expect(matter.medical.flatMap((p) => p.records.map((r) => [r.path, r.date.iso, r.balance]))).toEqual([
      ['medical.0.records.0', '2024-03-20', 450],
      ['medical.0.records.1', '2024-05-30', 1850],
      ['medical.1.records.0', '2024-04-01', 3200],
    ]);
    expect(matter.damages).toMatchObject({ specials: 32000, generals: 90000, wageLoss: 15200, futureMedical: 18000, punitive: null });
    expect(matter.insurance[0]?.coverageLimits).toBe('$1M / $3M');
    expect(matter.events.map((e) => e.path)).toEqual(['facts.timeline.0', 'facts.timeline.1', 'facts.timeline.2']);
    expect(matter.goals).toMatchObject({ settlement: 150000, fallback: 115000 });
  });

  it('reads currency strings and a numeric-string confidence score', () => {
    const matter = normalizeMatter(fixture('edgecase_sparse_slip_and_fall.json'));
    expect(matter.goals.settlement).toBe(45000);
    expect(matter.confidenceScore).toBe(58);
    expect(matter.damages.specials).toBeNull();
  });

  it('flags free-text document dates instead of guessing them', () => {
    const matter = normalizeMatter(fixture('product_liability_florida.json'));
    const cpsc = matter.documents.find((d) => d.title === 'CPSC Complaint Database');
    expect(cpsc?.date).toEqual({ raw: 'Various 2023-2024', iso: null, precision: null, status: 'free_text' });
    expect(matter.problems).toContainEqual({ path: 'documents.5.date', message: 'date "Various 2023-2024" is free text and could not be resolved to a day' });
  });

  it('reads a date written in words and lists an unreadable amount as a problem, never as 0', () => {
    const matter = normalizeMatter({ summary: 'x', parties: ['A', 'B'], documents: [{ title: 'Report', date: 'March 14, 2024' }], damages: { specials: 'lots' } });
    expect(matter.documents[0]?.date).toMatchObject({ iso: '2024-03-14', status: 'exact' });
    expect(matter.damages.specials).toBeNull();
    expect(matter.problems).toEqual([{ path: 'damages.specials', message: 'amount is not an amount: "lots" (use a number or a currency string such as "$52,000"); left out of every total' }]);
  });

  it('never throws on values that are not matters', () => {
    expect(normalizeMatter(null).parties).toEqual([]);
    expect(normalizeMatter([1, 2]).title).toBe('Untitled matter');
  });
});

describe('matterTitle', () => {
  it('prefers metadata.title', () => {
    expect(matterTitle(fixture('premises_liability_texas.json'))).toBe('Garcia v. MegaMart Stores, Inc.');
  });

  it('builds "<plaintiff> v. <defendant>" from the parties', () => {
    expect(matterTitle({ summary: 'x', parties: ['Maria Lopez (Client)', 'Coastal Delivery LLC'] })).toBe('Maria Lopez v. Coastal Delivery LLC');
  });

  it('falls back to the first 80 characters of the summary', () => {
    const summary = 'A pedestrian was struck in a crosswalk by an unidentified vehicle that left the scene before police arrived.';
    expect(matterTitle({ summary, parties: ['Only One Party'] })).toBe(summary.slice(0, 80));
  });
});
