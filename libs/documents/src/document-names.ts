/** The files of the PI demand pack, by the name a client downloads them under. */
export const documentNames = ['timeline.csv', 'demand-letter.md', 'demand-letter.docx', 'demand-letter.pdf'] as const;
export type DocumentName = (typeof documentNames)[number];

const names: ReadonlySet<string> = new Set(documentNames);

export const isDocumentName = (name: string): name is DocumentName => names.has(name);

export const contentTypes: Readonly<Record<DocumentName, string>> = {
  'timeline.csv': 'text/csv; charset=utf-8',
  'demand-letter.md': 'text/markdown; charset=utf-8',
  'demand-letter.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'demand-letter.pdf': 'application/pdf',
};
