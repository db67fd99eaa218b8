import { escapeMarkdown, escapeMarkdownCell } from '../text/markdown-escape.ts';
import type { LetterBlock } from './letter-block.ts';

function tableMarkdown(block: Extract<LetterBlock, { kind: 'table' }>): string[] {
  const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  const rule = `| ${block.columns.map((_c, i) => (block.numeric.includes(i) ? '---:' : '---')).join(' | ')} |`;
  const total = `| ${block.total.map((c) => (c === '' ? '' : `**${escapeMarkdownCell(c)}**`)).join(' | ')} |`;
  return [row(block.columns), rule, ...block.rows.map(row), total];
}

function blockMarkdown(block: LetterBlock): string {
  switch (block.kind) {
    case 'banner':
      return `> **${escapeMarkdown(block.text, '> ')}**`;
    case 'heading':
      return `## ${escapeMarkdown(block.text)}`;
    case 'paragraph': {
      const text = escapeMarkdown(block.text);
      return block.bold === true ? `**${text}**` : block.note === true ? `*${text}*` : text;
    }
    case 'lines':
      // An empty line inside the block (the signature gap) is kept as a hard break, not a paragraph end.
      return block.lines.map((line) => escapeMarkdown(line)).join('\\\n');
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item, '  ')}`).join('\n');
    case 'table':
      return tableMarkdown(block).join('\n');
  }
}

/** The letter as CommonMark/GFM: one block per paragraph, blank lines between, LF line ends. */
export function renderLetterMarkdown(blocks: readonly LetterBlock[]): Buffer {
  return Buffer.from(`${blocks.map(blockMarkdown).join('\n\n')}\n`, 'utf8');
}
