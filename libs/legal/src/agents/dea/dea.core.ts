import type { NormalizedMatter } from '../../matter/normalized-matter.schema.ts';
import { lookupJurisdiction } from '../../rules/jurisdiction.ts';
import type { ComputedFacts } from '../lda/lda.facts.ts';
import { faultIndicators } from '../shared/fault-indicators.ts';
import { runTool, type ToolLog } from '../shared/tool.ts';
import type { DeaArtifact } from './dea.schema.ts';
import type { DeaTools } from './dea.tools.ts';
import type { AuthoritiesResult } from './tools/select-authorities.tool.ts';

const MED_MAL_CAUSE = /malpractice|medical_negligence|medical negligence|med_mal/;
const PUNITIVE = /\b(punitive|exemplary|willful and wanton|gross negligence)\b/i;
const SOL_NAME = /\b(statute of limitations?|limitations? period|SOL)\b/i;

export type LegalCore = Omit<DeaArtifact, 'agent' | 'provenance' | 'unresolved_issues' | 'legal_analysis'> & {
  readonly legal_analysis: Omit<DeaArtifact['legal_analysis'], 'analysis'>;
  readonly selection: AuthoritiesResult;
};

/** The DEA's analysis without prose: issues, jurisdiction rules, authorities, deadline cross-checks. */
export async function computeLegalAnalysis(matter: NormalizedMatter, facts: ComputedFacts, now: Date, tools: DeaTools, log: ToolLog): Promise<LegalCore> {
  const lookup = lookupJurisdiction(matter.jurisdiction);
  const fault = faultIndicators(matter);
  const { issues } = await runTool('dea', tools.spot_issues, {
    cause_of_action: matter.causeOfAction,
    state: lookup.code,
    statements: facts.fact_statements,
    defendants: facts.defendants,
    plaintiff_age: facts.plaintiff_age?.age ?? null,
    contrary_texts: [...matter.weaknesses, ...matter.liability.flatMap((l) => l.defenses)],
  }, log);
  const cause = (matter.causeOfAction ?? '').toLowerCase();
  const isMedMal = MED_MAL_CAUSE.test(cause) || (cause === '' && issues.some((i) => i.id === 'medical_malpractice'));
  const plaintiff = facts.parties.find((p) => p.role === 'plaintiff');
  const jurisdiction = await runTool('dea', tools.apply_jurisdiction_rules, {
    jurisdiction: matter.jurisdiction,
    claim_kind: isMedMal ? 'medical_malpractice' : 'general',
    incident_date: facts.incident.date,
    now: now.toISOString(),
    filed_on: facts.matter.filing_date,
    is_motor_vehicle: issues.some((i) => i.id === 'motor_vehicle_negligence' && i.basis === 'cause_of_action') || /motor|vehicle|auto/.test(cause),
    is_dog_bite: issues.some((i) => i.id === 'dog_bite'),
    plaintiff_age: facts.plaintiff_age?.age ?? null,
    is_minor: plaintiff?.is_minor ?? false,
    public_parties: facts.parties.filter((p) => p.role === 'defendant' && p.is_public_entity).map((p) => p.name),
    has_punitive_claim: (matter.damages.punitive ?? 0) > 0 || matter.issues.some((i) => PUNITIVE.test(i.issue)),
  }, log);
  const selection = await runTool('dea', tools.select_authorities, { jurisdiction, issues, client_authorities: matter.authorities, plaintiff_fault_alleged: fault.alleged }, log);
  const computed = jurisdiction.known ? jurisdiction.limitation.deadline : null;
  const deadlineChecks = facts.listed_deadlines.filter((d) => SOL_NAME.test(d.name)).map((d) => {
    if (computed === null) return `The matter lists "${d.name}" due ${d.due ?? d.due_as_given ?? 'with no date'}; no deadline was computed to compare it with.`;
    if (d.due === computed.deadline) return `The matter's "${d.name}" (${d.due}) matches the computed deadline.`;
    const earlier = d.due !== null && d.due < computed.deadline ? d.due : computed.deadline;
    return `The matter lists "${d.name}" due ${d.due ?? d.due_as_given ?? 'with no date'}; the computed deadline is ${computed.deadline}${computed.rolled_forward ? ` (anniversary ${computed.anniversary} rolled forward)` : ''}. Use the earlier date, ${earlier}, as the filing target.`;
  });
  return {
    legal_analysis: {
      issues,
      authorities: selection.authorities,
      client_authorities: selection.client_authorities,
      client_issues: matter.issues.map((i) => ({ issue: i.issue, facts: i.facts, area_of_law: i.areaOfLaw, strength: i.strength, origin: 'client_supplied' as const })),
    },
    authorities: { controlling_authorities: selection.controlling, contrary_authorities: selection.contrary },
    jurisdiction,
    deadline_checks: deadlineChecks,
    selection,
  };
}

/** What the DEA leaves open for a lawyer. */
export function deaUnresolved(core: LegalCore): string[] {
  const j = core.jurisdiction;
  const notes: string[] = [];
  if (!j.known) notes.push(`Jurisdiction unknown: ${j.reason} No deadline, fault rule or cap applied.`);
  else if (j.limitation.deadline === null) notes.push('Incident date unknown: the limitation deadline could not be computed.');
  else if (j.limitation.deadline.status === 'expired') notes.push(`The computed limitation deadline ${j.limitation.deadline.deadline} has passed: check tolling, discovery and filing status immediately.`);
  else if (j.limitation.deadline.status === 'within_180_days') notes.push(`The limitation deadline ${j.limitation.deadline.deadline} is ${j.limitation.deadline.days_remaining} days away.`);
  if (j.known && j.limitation.minors.applies === 'yes') notes.push(`Minor plaintiff: confirm the date of birth to apply ${j.limitation.minors.citations.map((c) => c.cite).join('; ')}.`);
  for (const issue of core.legal_analysis.issues) {
    for (const element of issue.elements.filter((e) => e.status === 'unproven')) notes.push(`${issue.issue}: unproven element — ${element.element}.`);
  }
  const partly = core.legal_analysis.authorities.filter((a) => a.verified !== 'yes').map((a) => `${a.cite} (${a.verification_note ?? a.verified})`);
  if (partly.length > 0) notes.push(`Authorities only partly verified: ${partly.join('; ')}.`);
  if (core.authorities.contrary_authorities.length === 0) notes.push('No contrary authority was identified in the curated table; research adverse authority before relying on this analysis.');
  notes.push(...core.selection.notes);
  return notes;
}
