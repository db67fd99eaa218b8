/**
 * Splits prose into sentences without cutting at abbreviations. Upstream split on every
 * ". " and produced fragments such as "Dr." and sentences cut at "Ms."; legal and medical
 * text is full of them. Company suffixes ("Inc.", "LLC.") are not listed: followed by a capital
 * they more often end a sentence than continue it.
 */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'st', 'jr', 'sr', 'prof', 'hon', 'rev', 'gen', 'sgt', 'lt', 'capt', 'det', 'ofc',
  'no', 'nos', 'vs', 'v', 'etc', 'approx', 'dept', 'est', 'ave', 'blvd', 'rd', 'mt', 'ft',
  'civ', 'proc', 'prac', 'rem', 'stat', 'gov', 'cal', 'fla', 'tex', 'ill', 'app', 'supp', 'ed', 'cir', 'ct', 'sec', 'art', 'ch', 'para',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'vol', 'pp', 'al', 'e.g', 'i.e',
]);

function isAbbreviationBefore(text: string, dotIndex: number): boolean {
  const before = text.slice(0, dotIndex);
  const token = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (token === '') return /\d$/.test(before) && /^\.\d/.test(text.slice(dotIndex)); // decimal point
  const bare = token.toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  if (/^\p{Lu}$/u.test(token)) return true; // an initial, as in "J. Smith"
  return token.includes('.'); // "M.D.", "U.S.", "P.E.": keep together rather than cut
}

/** Sentences of the text, trimmed, in order; nothing is dropped or shortened. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["')\]]*\s+(?=["'([]?[\p{Lu}\p{N}])/gu;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const dotIndex = match.index + match[0].search(/[.!?]/);
    if (text[dotIndex] === '.' && isAbbreviationBefore(text, dotIndex)) continue;
    const end = match.index + match[0].trimEnd().length;
    const sentence = text.slice(start, end).trim();
    if (sentence !== '') sentences.push(sentence);
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}
