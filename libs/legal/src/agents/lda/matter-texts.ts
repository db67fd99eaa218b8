import { describeDate } from '../../matter/matter-date.ts';
import type { NormalizedMatter } from '../../matter/normalized-matter.schema.ts';
import type { Source } from '../shared/source.schema.ts';

export type TextKind =
  | 'summary' | 'description' | 'incident_description' | 'document_summary' | 'document_content' | 'document_fact'
  | 'event' | 'liability_fact' | 'evidence' | 'injury' | 'negotiation' | 'weakness' | 'strength';

export interface MatterText {
  readonly text: string;
  readonly kind: TextKind;
  readonly source: Source;
  /** Index into matter.documents when the text belongs to a document. */
  readonly documentIndex: number | null;
}

/** Every piece of prose in the matter, each tagged with where it came from. Nothing is shortened. */
export function matterTexts(matter: NormalizedMatter): MatterText[] {
  const texts: MatterText[] = [];
  const add = (text: string | null, kind: TextKind, path: string, label: string, documentIndex: number | null = null): void => {
    if (text !== null && text.trim() !== '') texts.push({ text, kind, source: { path, label }, documentIndex });
  };
  add(matter.summary, 'summary', 'summary', 'Matter summary');
  add(matter.description, 'description', 'description', 'Matter description');
  add(matter.incidentDescription, 'incident_description', 'facts.incident_description', 'Incident description');
  matter.documents.forEach((doc, i) => {
    const name = `Document "${doc.title}" (${describeDate(doc.date)})`;
    add(doc.summary, 'document_summary', `${doc.path}.summary`, `${name}, summary`, i);
    add(doc.content, 'document_content', `${doc.path}.content`, `${name}, content`, i);
    doc.facts.forEach((fact, j) => add(fact, 'document_fact', `${doc.path}.facts.${j}`, `${name}, fact ${j + 1}`, i));
  });
  matter.events.forEach((event) => add(event.description, 'event', event.path, `Event (${describeDate(event.date)})`));
  matter.liability.forEach((theory) => theory.facts.forEach((fact, j) => add(fact, 'liability_fact', `${theory.path}.facts.${j}`, `Liability theory "${theory.name}", fact ${j + 1}`)));
  matter.evidence.forEach((item, i) => add(item.text, 'evidence', item.path, `Evidence item ${i + 1}`));
  matter.injuries.forEach((injury, i) => add(injury.description, 'injury', injury.path, `Injury ${i + 1}`));
  matter.negotiationHistory.forEach((note, i) => add(note, 'negotiation', `notes.negotiation_history.${i}`, 'Negotiation history'));
  matter.weaknesses.forEach((note, i) => add(note, 'weakness', `weaknesses.${i}`, 'Weakness listed in the matter'));
  matter.strengths.forEach((note, i) => add(note, 'strength', `strengths.${i}`, 'Strength listed in the matter'));
  return texts;
}

/** The narrative of what happened (not the client's own assessments of strengths and weaknesses). */
export const isNarrative = (text: MatterText): boolean => text.kind !== 'weakness' && text.kind !== 'strength' && text.kind !== 'negotiation';
