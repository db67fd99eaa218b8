import { describe, expect, it } from '@jest/globals';
import { escapeMarkdown, escapeMarkdownCell } from './markdown-escape.ts';

/** What a CommonMark reader shows for escaped text: backslash escapes and numeric references resolved. */
const shown = (markdown: string): string => markdown.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('escapeMarkdown', () => {
  it('escapes every inline syntax character so nothing becomes emphasis, code, a link or HTML', () => {
    expect(escapeMarkdown('a *b* _c_ `d` [e](f) <img src=x onerror=alert(1)> g|h ~~i~~ \\')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<img src=x onerror=alert(1)\\> g\\|h \\~\\~i\\~\\~ \\\\');
  });

  it('escapes block markers at the start of a line and leaves them alone elsewhere', () => {
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('2) second')).toBe('2\\) second');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('Impact 15-20 mph, 2. place')).toBe('Impact 15-20 mph, 2. place');
  });

  it('keeps leading blanks as character references so they cannot open a code block', () => {
    expect(escapeMarkdown('    indented')).toBe('&#32;&#32;&#32;&#32;indented');
  });

  it('escapes an entity reference so it prints as written', () => {
    expect(escapeMarkdown('Black &amp; Decker & Co')).toBe('Black \\&amp; Decker & Co');
  });

  it('turns line breaks into hard breaks and indents the following lines for a list item', () => {
    expect(escapeMarkdown('one\n- two\r\nthree', '  ')).toBe('one\\\n  \\- two\\\n  three');
  });

  it('keeps the text exact once rendered', () => {
    const text = 'Smith_v_Jones #2: **$52,000** [sic] <b>|</b> ~ \\ `x`';
    expect(shown(escapeMarkdown(text))).toBe(text);
  });
});

describe('escapeMarkdownCell', () => {
  it('escapes the column separator and writes line breaks as <br>', () => {
    expect(escapeMarkdownCell('a | b\nc')).toBe('a \\| b<br>c');
  });
});
