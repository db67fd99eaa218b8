/**
 * PDFKit's standard Helvetica is a Type 1 font with WinAnsi encoding: it has glyphs for Latin-1
 * and 27 typographic characters (curly quotes, dashes, €, •, ™…) and nothing else. PDFKit does
 * not check, so a character outside that set would print as unrelated glyphs. Such characters
 * are shown as "?" instead, visibly; the Markdown and DOCX renderings keep the exact text.
 */
const EXTRA = new Set([0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122]);

const isWinAnsi = (code: number): boolean => (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRA.has(code);

export function winAnsiText(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n|\r/g, '\n').replace(/\t/g, ' ')) {
    const code = char.codePointAt(0) ?? 0;
    out += char === '\n' || isWinAnsi(code) ? char : '?';
  }
  return out;
}
