/**
 * The letter as a flat list of blocks, the only thing the Markdown, DOCX and PDF renderers see.
 * All wording, dates and amounts are fixed here, so the three formats cannot drift apart.
 * Text is plain (never pre-escaped): each renderer escapes for its own format.
 */
export type LetterBlock =
  /** A notice to the attorney set apart from the letter (the draft banner). */
  | { readonly kind: 'banner'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  /** `note` marks an attorney note or placeholder, shown in italics. */
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean; readonly note?: boolean }
  /** Lines kept together without paragraph spacing: an address, the Re block, a signature. */
  | { readonly kind: 'lines'; readonly lines: readonly string[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Printed in bold after the rows. */
      readonly total: readonly string[];
      /** Columns of amounts, aligned right. */
      readonly numeric: readonly number[];
    };

/** The sections a PI lawyer expects, in order; the layout uses these exact headings. */
export const sectionHeadings = {
  facts: 'Facts',
  liability: 'Liability',
  injuries: 'Injuries and Treatment',
  damages: 'Damages',
  demand: 'Demand',
  response: 'Response Deadline',
  missing: 'Missing Information (attorney review; remove before sending)',
  review: 'Attorney Review Notes (remove before sending)',
} as const;

export const signaturePlaceholders = ['[Attorney name]', '[Firm name]', '[Address, telephone and email]'] as const;
