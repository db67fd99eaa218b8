import PDFDocument from 'pdfkit';
import { parseLetterDate } from '../text/dates.ts';
import { winAnsiText as t } from '../text/win-ansi.ts';
import type { LetterBlock } from './letter-block.ts';

const MARGIN = 72;
const BODY = 11;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';

type Pdf = PDFKit.PDFDocument;

/** Starts a new page when fewer than `lines` lines fit, so a bullet or a heading is not left alone at the foot of a page. */
function keepLines(doc: Pdf, lines: number): void {
  if (doc.y + lines * doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawBlock(doc: Pdf, block: LetterBlock): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.x = left;
  switch (block.kind) {
    case 'banner': {
      doc.font(BOLD).fontSize(9);
      const height = doc.heightOfString(t(block.text), { width: width - 12 }) + 12;
      const top = doc.y;
      doc.rect(left, top, width, height).stroke();
      doc.text(t(block.text), left + 6, top + 6, { width: width - 12 });
      doc.y = top + height + 12;
      return;
    }
    case 'heading':
      doc.font(BOLD).fontSize(13);
      keepLines(doc, 3);
      doc.moveDown(0.4).text(t(block.text), left, doc.y, { width, paragraphGap: 4 });
      return;
    case 'paragraph':
      doc.font(block.bold === true ? BOLD : block.note === true ? ITALIC : REGULAR).fontSize(BODY);
      doc.text(t(block.text), left, doc.y, { width, paragraphGap: 8 });
      return;
    case 'lines':
      doc.font(REGULAR).fontSize(BODY);
      keepLines(doc, block.lines.length);
      doc.text(t(block.lines.join('\n')), left, doc.y, { width });
      doc.moveDown(0.7);
      return;
    case 'list':
      doc.font(REGULAR).fontSize(BODY);
      for (const item of block.items) {
        keepLines(doc, 1);
        const top = doc.y;
        doc.text('•', left + 6, top, { lineBreak: false });
        doc.text(t(item), left + 18, top, { width: width - 18, paragraphGap: 3 });
      }
      doc.moveDown(0.4);
      return;
    case 'table': {
      const align = (i: number): { x: 'left' | 'right' } => ({ x: block.numeric.includes(i) ? 'right' : 'left' });
      const row = (cells: readonly string[], font: string) => cells.map((text, i) => ({ text: t(text), font: { src: font }, align: align(i) }));
      doc.fontSize(10);
      doc.table({
        position: { x: left, y: doc.y },
        maxWidth: width,
        columnStyles: ['*', 150, 80],
        defaultStyle: { border: 0.5, borderColor: '#808080', padding: 4 },
        data: [row(block.columns, BOLD), ...block.rows.map((cells) => row(cells, REGULAR)), row(block.total, BOLD)],
      });
      doc.moveDown(0.8);
      return;
    }
  }
}

/** "Page n of m" at the foot of every page, written once the page count is known. */
function numberPages(doc: Pdf): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make PDFKit start a new page.
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(9).text(`Page ${i + 1} of ${count}`, MARGIN, doc.page.height - MARGIN / 2, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The letter as a PDF on US Letter paper in standard Helvetica. Deterministic: the creation
 * date (from which PDFKit also derives the file ID) is the letter date, and content streams are
 * left uncompressed so the bytes cannot depend on the zlib build.
 */
export function renderLetterPdf(blocks: readonly LetterBlock[], meta: { readonly title: string; readonly letterDate: string }): Promise<Buffer> {
  const date = parseLetterDate(meta.letterDate);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: false,
    font: REGULAR,
    info: { Title: meta.title, Author: 'Themis', Creator: 'Themis', Producer: 'Themis', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of blocks) drawBlock(doc, block);
  numberPages(doc);
  doc.end();
  return done;
}
