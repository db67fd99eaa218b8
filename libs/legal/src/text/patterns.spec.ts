import { describe, expect, it } from '@jest/globals';
import { mentionsAny, termsFound } from './patterns.ts';

describe('word-boundary matching', () => {
  it('does not find "sue" in "issue", "car" in "care" or "motion" as a whole phrase in "range of motion" when asked for "motion to dismiss"', () => {
    expect(mentionsAny('The key issue is pursued.', ['sue'])).toBe(false);
    expect(mentionsAny('She needs ongoing medical care and has a scar.', ['car'])).toBe(false);
    expect(mentionsAny('She struggles with range of motion.', ['motion to dismiss'])).toBe(false);
  });

  it('finds whole words and hyphen or space variants of phrases', () => {
    expect(mentionsAny('A rear-end collision at a red light.', ['rear end'])).toBe(true);
    expect(termsFound('The car struck the bike lane.', ['car', 'truck', 'bike lane'])).toEqual(['car', 'bike lane']);
  });
});
