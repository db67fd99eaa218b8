import { describe, expect, it } from '@jest/globals';
import { splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('does not cut at titles, initials or degrees', () => {
    const text = 'Dr. Ibrahim diagnosed a torn rotator cuff. Ms. Lopez was struck by Coastal Delivery LLC. Dr. Richard Hayes, M.D. operated. J. Smith agreed.';
    expect(splitSentences(text)).toEqual([
      'Dr. Ibrahim diagnosed a torn rotator cuff.',
      'Ms. Lopez was struck by Coastal Delivery LLC.',
      'Dr. Richard Hayes, M.D. operated.',
      'J. Smith agreed.',
    ]);
  });

  it('keeps decimals and citations inside one sentence', () => {
    expect(splitSentences('Bilirubin was 8.5 mg/dL. See Cal. Civ. Code § 3342. Done!')).toEqual([
      'Bilirubin was 8.5 mg/dL.',
      'See Cal. Civ. Code § 3342.',
      'Done!',
    ]);
  });

  it('returns the whole text when there is a single sentence without a final period', () => {
    expect(splitSentences('  Collision at Mission & 5th  ')).toEqual(['Collision at Mission & 5th']);
  });
});
