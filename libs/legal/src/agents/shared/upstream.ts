import type { JsonValue } from '@themis/domain';
import type { NormalizedMatter } from '../../matter/normalized-matter.schema.ts';
import { computeLegalAnalysis } from '../dea/dea.core.ts';
import { deaArtifactSchema } from '../dea/dea.schema.ts';
import { defaultDeaTools } from '../dea/dea.tools.ts';
import type { IssueResult } from '../dea/issues/issue-pattern.ts';
import type { JurisdictionBlock } from '../../rules/rules-output.schema.ts';
import { computeFacts, type ComputedFacts } from '../lda/lda.facts.ts';
import { ldaArtifactSchema } from '../lda/lda.schema.ts';
import { defaultLdaTools } from '../lda/lda.tools.ts';
import { findArtifact } from './find-artifact.ts';
import type { ToolLog } from './tool.ts';

export interface Resolved<T> {
  readonly value: T;
  /** For provenance: which step's artifact was read, or why it was computed here instead. */
  readonly inputNote: string;
  readonly computedHere: boolean;
}

/** The LDA facts from the upstream LDA artifact, or computed from the matter (and said so) when none is given. */
export async function resolveLdaFacts(inputs: Readonly<Record<string, JsonValue>>, matter: NormalizedMatter, now: Date, log: ToolLog): Promise<Resolved<ComputedFacts>> {
  const found = findArtifact(inputs, 'lda', ldaArtifactSchema);
  if (found.found) return { value: found.artifact.facts, inputNote: `lda artifact from step "${found.stepId}"`, computedHere: false };
  const value = await computeFacts(matter, now, defaultLdaTools, log.child('lda/'));
  return { value, inputNote: `LDA facts computed from the matter (${found.reason})`, computedHere: true };
}

/** What the LSA needs from the DEA. */
export interface LegalView {
  readonly issues: readonly IssueResult[];
  readonly jurisdiction: JurisdictionBlock;
}

/** The DEA's issues and jurisdiction rules from the upstream DEA artifact, or computed here (and said so). */
export async function resolveLegalView(inputs: Readonly<Record<string, JsonValue>>, matter: NormalizedMatter, facts: ComputedFacts, now: Date, log: ToolLog): Promise<Resolved<LegalView>> {
  const found = findArtifact(inputs, 'dea', deaArtifactSchema);
  if (found.found) return { value: { issues: found.artifact.legal_analysis.issues, jurisdiction: found.artifact.jurisdiction }, inputNote: `dea artifact from step "${found.stepId}"`, computedHere: false };
  const core = await computeLegalAnalysis(matter, facts, now, defaultDeaTools, log.child('dea/'));
  return { value: { issues: core.legal_analysis.issues, jurisdiction: core.jurisdiction }, inputNote: `DEA analysis computed from the matter (${found.reason})`, computedHere: true };
}
