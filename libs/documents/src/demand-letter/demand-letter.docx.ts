import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { xmlSafe } from '../text/xml-safe.ts';
import { coreProperties, fixZipTimestamps } from './docx-determinism.ts';
import type { LetterBlock } from './letter-block.ts';

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
}

/** Runs for a piece of text; its line breaks become Word line breaks (`w:br`), not lost whitespace. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text).split(/\r\n|\r|\n/).map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const cellBorders = { top: border, bottom: border, left: border, right: border };

function table(block: Extract<LetterBlock, { kind: 'table' }>): Table {
  const row = (cells: readonly string[], style: RunStyle, header = false): TableRow =>
    new TableRow({
      tableHeader: header,
      children: cells.map((cell, i) => new TableCell({ borders: cellBorders, children: [new Paragraph({ alignment: block.numeric.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: runs(cell, style) })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(block.columns, { bold: true }, true), ...block.rows.map((cells) => row(cells, {})), row(block.total, { bold: true })],
  });
}

function blockContent(block: LetterBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'banner':
      return [new Paragraph({ border: { top: border, bottom: border, left: border, right: border }, spacing: { after: 240 }, children: runs(block.text, { bold: true }) })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: runs(block.text) })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 160 }, children: runs(block.text, { bold: block.bold === true, italics: block.note === true }) })];
    case 'lines':
      return [new Paragraph({ spacing: { after: 160 }, children: runs(block.lines.join('\n')) })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: runs(item) }));
    case 'table':
      return [table(block), new Paragraph({ spacing: { after: 160 }, children: [] })];
  }
}

const pageFooter = (): Footer =>
  new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })] })],
  });

/** The letter as a Word document on US Letter paper: real headings and list paragraphs, a table for the specials, page numbers in the footer. */
export async function renderLetterDocx(blocks: readonly LetterBlock[], meta: { readonly title: string; readonly letterDate: string }): Promise<Buffer> {
  const document = new Document({
    // Title, creator and dates go into docProps/core.xml through `coreProperties` below.
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 12240, height: 15840 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: { default: pageFooter() },
        children: blocks.flatMap(blockContent),
      },
    ],
  });
  const packed = await Packer.toBuffer(document, false, [coreProperties(meta.title, meta.letterDate)]);
  return fixZipTimestamps(packed, meta.letterDate);
}
