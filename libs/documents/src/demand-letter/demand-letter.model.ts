import type { JsonValue } from '@themis/domain';
import { type DeaArtifact, type LdaArtifact, type LsaArtifact, normalizeMatter } from '@themis/legal';
import { addressLetter } from './demand-letter.addressee.ts';
import { assessDamages, chooseDemand } from './demand-letter.damages.ts';
import { assessDeadlines } from './demand-letter.deadline.ts';
import { listMissing, listReviewNotes } from './demand-letter.missing.ts';
import type { DemandLetter } from './demand-letter.types.ts';

export type { DemandLetter } from './demand-letter.types.ts';

export interface DemandLetterSources {
  readonly matter: JsonValue;
  readonly lda: LdaArtifact;
  readonly dea: DeaArtifact;
  readonly lsa: LsaArtifact;
  /** ISO date the letter is dated; every relative date (response, limitation warnings) counts from it. */
  readonly letterDate: string;
}

/** Statements from the matter's own account of the incident, as opposed to documents about it. */
const NARRATIVE_PATHS = new Set(['summary', 'description', 'facts.incident_description', 'incident_description']);
/** Timeline kinds a reader expects in a chronology; medical records go under treatment instead. */
const CHRONOLOGY_KINDS = new Set(['event', 'document']);

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** The demand letter as data: every fact, figure and citation comes from the matter or an artifact. Pure. */
export function buildDemandLetter(sources: DemandLetterSources): DemandLetter {
  const { lda, dea, lsa, letterDate } = sources;
  const facts = lda.facts;
  const matter = normalizeMatter(sources.matter);
  const jurisdiction = dea.jurisdiction.known ? dea.jurisdiction : null;
  const keyEntries = facts.timeline.filter((entry) => CHRONOLOGY_KINDS.has(entry.kind));
  const issues = dea.legal_analysis.issues.map((issue) => ({
    issue: issue.issue,
    citations: unique(issue.authorities.map((a) => a.cite)),
    elementsMet: issue.elements.filter((e) => e.status === 'supported').map((e) => ({ element: e.element, fact: e.facts[0]?.text ?? null })),
    elementsUnproven: issue.elements.filter((e) => e.status === 'unproven').map((e) => e.element),
  }));
  const faultRule = jurisdiction === null ? null : { jurisdiction: jurisdiction.name, summary: jurisdiction.fault_rule.summary, citation: jurisdiction.fault_rule.citation.cite };
  const deadlines = assessDeadlines(letterDate, dea);
  const damages = assessDamages(lda);
  const demand = chooseDemand(lsa);
  const letter: Omit<DemandLetter, 'missing' | 'reviewNotes'> = {
    title: facts.matter.title,
    letterDate,
    ...addressLetter(lda, matter),
    facts: {
      incidentDate: facts.incident.date,
      narrative: facts.fact_statements.filter((s) => NARRATIVE_PATHS.has(s.source.path)).map((s) => s.text),
      chronology: (keyEntries.length > 0 ? keyEntries : facts.timeline).map((entry) => ({ date: entry.date, description: entry.description })),
    },
    liability: { issues, faultRule },
    injuries: {
      injuries: facts.injuries.length > 0 ? facts.injuries.map(describeInjury) : facts.injury_mentions.map((m) => m.text),
      providers: facts.treating_providers.map((p) => (p.specialty === null ? p.name : `${p.name} (${p.specialty})`)),
      treatment: facts.treatment_dates.map((t) => ({ date: t.date, description: t.description })),
    },
    damages,
    demand,
    response: deadlines.response,
    citations: unique([...issues.flatMap((i) => i.citations), ...(faultRule === null ? [] : [faultRule.citation]), ...deadlines.citations]),
  };
  return { ...letter, missing: listMissing(letter, sources), reviewNotes: listReviewNotes(letter, sources) };
}

function describeInjury(injury: LdaArtifact['facts']['injuries'][number]): string {
  const details = [
    injury.body_parts.length > 0 ? injury.body_parts.join(', ') : null,
    injury.severity === null ? null : `severity: ${injury.severity}`,
    injury.treatment === null ? null : `treatment: ${injury.treatment}`,
    injury.prognosis === null ? null : `prognosis: ${injury.prognosis}`,
  ].filter((d): d is string => d !== null);
  return details.length === 0 ? injury.description : `${injury.description} (${details.join('; ')})`;
}
