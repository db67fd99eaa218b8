import { describe, expect, it } from '@jest/globals';
import { lookupJurisdiction } from './jurisdiction.ts';

describe('lookupJurisdiction', () => {
  it.each([
    ['California', 'CA'],
    ['CA', 'CA'],
    ['Cal.', 'CA'],
    ['calif', 'CA'],
    ['N.Y.', 'NY'],
    ['New York', 'NY'],
    ['Tex.', 'TX'],
    ['Fla.', 'FL'],
    ['Ill.', 'IL'],
    ['Circuit Court of Cook County, Illinois', 'IL'],
  ])('reads %s as %s', (input, code) => {
    expect(lookupJurisdiction(input)).toMatchObject({ known: true, code });
  });

  it('reports Wyoming as unknown instead of defaulting to California', () => {
    const lookup = lookupJurisdiction('Wyoming');
    expect(lookup).toMatchObject({ known: false, code: null, input: 'Wyoming' });
    expect(lookup.known ? '' : lookup.reason).toContain('not one of the states with curated rules');
  });

  it('reports a missing jurisdiction as unknown', () => {
    expect(lookupJurisdiction(undefined)).toMatchObject({ known: false, reason: 'No jurisdiction was given.' });
    expect(lookupJurisdiction('  ')).toMatchObject({ known: false });
  });

  it('does not guess when a text names two states', () => {
    expect(lookupJurisdiction('New York or Florida')).toMatchObject({ known: false });
  });
});
