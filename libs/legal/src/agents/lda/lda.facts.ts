import type { NormalizedMatter } from '../../matter/normalized-matter.schema.ts';
import { runTool, type ToolLog } from '../shared/tool.ts';
import type { LdaFacts } from './lda.schema.ts';
import type { LdaTools } from './lda.tools.ts';

export type ComputedFacts = Omit<LdaFacts, 'matter_overview'>;

/** The LDA's analysis without prose: every tool in order, each output checked. Shared by DEA and LSA when no LDA artifact is given. */
export async function computeFacts(matter: NormalizedMatter, now: Date, tools: LdaTools, log: ToolLog): Promise<ComputedFacts> {
  const statements = await runTool('lda', tools.extract_facts, { matter }, log);
  const parties = await runTool('lda', tools.identify_parties, { matter }, log);
  const timeline = await runTool('lda', tools.build_timeline, { matter, reference_time: now.toISOString() }, log);
  const incident = await runTool('lda', tools.establish_incident_date, { matter, timeline: timeline.timeline }, log);
  const injuries = await runTool('lda', tools.summarize_injuries, { matter, timeline: timeline.timeline }, log);
  const ledger = await runTool('lda', tools.build_damages_ledger, { matter }, log);
  const gaps = await runTool('lda', tools.find_evidence_gaps, { matter, incident, injuries, ledger, timeline }, log);
  return {
    fact_pattern_summary: statements.statements.filter((s) => !s.source.path.startsWith('events.') && !s.source.path.startsWith('facts.timeline.')).map((s) => s.text),
    timeline: timeline.timeline,
    undated_items: timeline.undated,
    parties: parties.parties,
    plaintiff: parties.plaintiff,
    defendants: parties.defendants,
    counterparty: parties.counterparty,
    plaintiff_age: parties.plaintiff_age,
    incident,
    injuries: injuries.injuries,
    injury_mentions: injuries.injury_mentions,
    treating_providers: injuries.treating_providers,
    treatment_dates: injuries.treatment_dates,
    damages: ledger,
    evidence_gaps: gaps.gaps,
    treatment_gaps: gaps.treatment_gaps,
    client_listed_gaps: gaps.client_listed_gaps,
    fact_statements: statements.statements,
    listed_deadlines: matter.deadlines.map((d) => ({ name: d.name, due: d.due.status === 'exact' ? d.due.iso : null, due_as_given: d.due.raw, description: d.description, source: { path: d.path, label: `Deadline listed in the matter: ${d.name}` } })),
    matter: {
      id: matter.id,
      title: matter.title,
      format: matter.format,
      jurisdiction_as_given: matter.jurisdiction,
      cause_of_action_as_given: matter.causeOfAction,
      venue: matter.venue,
      phase: matter.phase,
      filing_date: matter.filingDate.status === 'exact' ? matter.filingDate.iso : null,
      plaintiff_fault_percent: matter.plaintiffFaultPercent,
      plaintiff_fault_basis: matter.faultBasis,
    },
  };
}

/** What the LDA could not resolve from the matter. */
export function ldaUnresolved(matter: NormalizedMatter, facts: ComputedFacts, parties: readonly { name: string; role_basis: string; role: string }[]): string[] {
  return [
    ...(facts.incident.date === null ? ['Incident date unknown: the limitation deadline cannot be computed.'] : []),
    ...facts.incident.conflicts,
    ...(matter.jurisdiction === null ? ['Jurisdiction not given.'] : []),
    ...(facts.plaintiff === null ? ['No plaintiff identified.'] : []),
    ...parties.filter((p) => p.role_basis === 'order').map((p) => `Role of "${p.name}" (${p.role}) inferred from list order.`),
    ...matter.problems.map((p) => `${p.path}: ${p.message}`),
    ...facts.undated_items.filter((u) => u.date_as_given === null || u.date_as_given.trim() === '').map((u) => `${u.source.label} has no date.`),
  ];
}
