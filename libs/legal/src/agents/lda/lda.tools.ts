import { buildTimelineTool } from './tools/build-timeline.tool.ts';
import { buildDamagesLedgerTool } from './tools/damages-ledger.tool.ts';
import { establishIncidentTool } from './tools/establish-incident.tool.ts';
import { extractFactsTool } from './tools/extract-facts.tool.ts';
import { findEvidenceGapsTool } from './tools/find-evidence-gaps.tool.ts';
import { identifyPartiesTool } from './tools/identify-parties.tool.ts';
import { summarizeInjuriesTool } from './tools/summarize-injuries.tool.ts';

/** The LDA's tools by slot; any of them can be replaced by injection with a tool of the same shape. */
export interface LdaTools {
  readonly extract_facts: typeof extractFactsTool;
  readonly identify_parties: typeof identifyPartiesTool;
  readonly build_timeline: typeof buildTimelineTool;
  readonly establish_incident_date: typeof establishIncidentTool;
  readonly summarize_injuries: typeof summarizeInjuriesTool;
  readonly build_damages_ledger: typeof buildDamagesLedgerTool;
  readonly find_evidence_gaps: typeof findEvidenceGapsTool;
}

export const defaultLdaTools: LdaTools = Object.freeze({
  extract_facts: extractFactsTool,
  identify_parties: identifyPartiesTool,
  build_timeline: buildTimelineTool,
  establish_incident_date: establishIncidentTool,
  summarize_injuries: summarizeInjuriesTool,
  build_damages_ledger: buildDamagesLedgerTool,
  find_evidence_gaps: findEvidenceGapsTool,
});
