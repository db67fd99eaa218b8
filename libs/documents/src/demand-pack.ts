import type { JsonValue } from '@themis/domain';
import { buildDemandLetter, type DemandLetter } from './demand-letter/demand-letter.model.ts';
import { renderLetterDocx } from './demand-letter/demand-letter.docx.ts';
import { layoutDemandLetter } from './demand-letter/demand-letter.layout.ts';
import { renderLetterMarkdown } from './demand-letter/demand-letter.md.ts';
import { renderLetterPdf } from './demand-letter/demand-letter.pdf.ts';
import { contentTypes, type DocumentName, documentNames } from './document-names.ts';
import { requireArtifact } from './pack-artifacts.ts';
import { parseLetterDate } from './text/dates.ts';
import { recordedLetter } from './demand-pack.task.ts';
import { renderTimelineCsv } from './timeline.csv.ts';

export interface DemandPackInput {
  readonly planId: string;
  /** The matter as the client sent it. */
  readonly matter: JsonValue;
  /** Completed steps' artifacts by step id; each is found by its `agent` field. */
  readonly artifacts: Readonly<Record<string, JsonValue>>;
  /** ISO date (YYYY-MM-DD) the letter is dated: the plan's completion date, so output is deterministic. */
  readonly letterDate: string;
}

export interface RenderedDocument {
  readonly name: DocumentName;
  readonly contentType: string;
  readonly body: Buffer;
}

/** The demand letter model: it needs all three artifacts. */
function demandLetterFor(input: DemandPackInput, name: DocumentName): DemandLetter {
  return buildDemandLetter({
    matter: input.matter,
    lda: requireArtifact(input.artifacts, 'lda', name),
    dea: requireArtifact(input.artifacts, 'dea', name),
    lsa: requireArtifact(input.artifacts, 'lsa', name),
    letterDate: input.letterDate,
  });
}

async function renderBody(name: DocumentName, input: DemandPackInput): Promise<Buffer> {
  if (name === 'timeline.csv') return renderTimelineCsv(requireArtifact(input.artifacts, 'lda', name));
  // The letter the plan's assembly step recorded; built afresh only for a plan that has none.
  const letter = recordedLetter(input.artifacts) ?? demandLetterFor(input, name);
  const blocks = layoutDemandLetter(letter);
  const meta = { title: `Settlement Demand – ${letter.title}`, letterDate: letter.letterDate };
  switch (name) {
    case 'demand-letter.md':
      return renderLetterMarkdown(blocks);
    case 'demand-letter.docx':
      return renderLetterDocx(blocks, meta);
    case 'demand-letter.pdf':
      return renderLetterPdf(blocks, meta);
  }
}

/** One document of the pack. Throws MissingArtifactError when an artifact it needs is absent or invalid. */
export async function renderDocument(name: DocumentName, input: DemandPackInput): Promise<RenderedDocument> {
  // Checked for every document, so a bad date fails the same way whichever file is asked for first.
  parseLetterDate(input.letterDate);
  return { name, contentType: contentTypes[name], body: await renderBody(name, input) };
}

/** All four documents, in `documentNames` order. */
export async function renderDemandPack(input: DemandPackInput): Promise<RenderedDocument[]> {
  const rendered: RenderedDocument[] = [];
  // One at a time: each render is CPU-bound, so running them together would only interleave them.
  for (const name of documentNames) rendered.push(await renderDocument(name, input));
  return rendered;
}
