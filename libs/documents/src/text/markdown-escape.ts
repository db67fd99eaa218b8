/**
 * Escaping for user text placed in Markdown. Matter text is untrusted: a party named
 * `<img src=x onerror=…>` or a description starting `# ` must print as written, not become
 * HTML or structure. Every character CommonMark or GFM could read as syntax is backslash-escaped
 * (which renders as the character itself, so the text stays exact), and so is whatever would
 * start a block at the beginning of a line: list markers, ordered-list numbers, setext
 * underlines and the indentation that makes a code block.
 */
const INLINE = /[\\`*_[\]<>#|~]/g;
/** `&amp;`, `&#60;`: an entity would otherwise render as the character it names. */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
const LEADING_SPACE = /^[ \t]+/;
const BLOCK_START = /^([-+=])|^(\d{1,9})([.)])/;

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE, '\\$&').replace(ENTITY, '\\&');
  const indent = LEADING_SPACE.exec(escaped)?.[0] ?? '';
  // Leading blanks become character references: rendered as the same blanks, never as a code block.
  const lead = [...indent].map((c) => `&#${c.charCodeAt(0)};`).join('');
  const rest = escaped.slice(indent.length).replace(BLOCK_START, (_m: string, marker: string | undefined, digits: string | undefined, dot: string | undefined) => (marker === undefined ? `${digits ?? ''}\\${dot ?? ''}` : `\\${marker}`));
  return lead + rest;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Escaped text for a paragraph or list item. Line breaks in the text become Markdown hard breaks
 * (a trailing backslash), and the following lines are indented by `indent` so they stay in the
 * same list item instead of starting a new block.
 */
export function escapeMarkdown(text: string, indent = ''): string {
  return text.split(LINE_BREAK).map(escapeLine).join(`\\\n${indent}`);
}

/** Escaped text for a GFM table cell, where a line break cannot be written literally. */
export function escapeMarkdownCell(text: string): string {
  return text.split(LINE_BREAK).map(escapeLine).join('<br>');
}
