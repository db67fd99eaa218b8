/**
 * Word-boundary matching. Upstream matched substrings, so "sue" fired on "issue", "car" on
 * "care" and "motion" on "range of motion"; every term here must match whole words.
 */
const escape = (term: string): string => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive pattern matching any of the terms as whole words (a term may be a phrase). */
export function wordPattern(terms: readonly string[]): RegExp {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map((term) => escape(term).replace(/\s+/g, '[\\s-]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** True when the text contains any of the terms as whole words. */
export function mentionsAny(text: string, terms: readonly string[]): boolean {
  return terms.length > 0 && wordPattern(terms).test(text);
}

/** The terms (as written in the list) that occur as whole words in the text. */
export function termsFound(text: string, terms: readonly string[]): string[] {
  return terms.filter((term) => wordPattern([term]).test(text));
}
