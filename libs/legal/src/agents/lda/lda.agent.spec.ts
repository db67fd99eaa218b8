import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '@themis/domain';
import { recordingLlm, SPEC_NOW } from '../../testing/recording-llm.ts';
import { defineTool } from '../shared/tool.ts';
import { createLdaAgent } from './lda.agent.ts';
import { type LdaArtifact, ldaArtifactSchema } from './lda.schema.ts';
import { buildTimelineTool } from './tools/build-timeline.tool.ts';

const fixture = (name: string): JsonValue => JSON.parse(readFileSync(new URL(`../../../../testing/fixtures/${name}`, import.meta.url), 'utf8')) as JsonValue;

async function run(matter: JsonValue, agent = createLdaAgent()): Promise<{ artifact: LdaArtifact; calls: number }> {
  const { llm } = recordingLlm();
  const output = await agent({ matter, inputs: {} }, { llm, now: SPEC_NOW });
  return { artifact: ldaArtifactSchema.parse(output.artifact), calls: output.llmCalls.length };
}

describe('LDA: damages ledger', () => {
  it('sums stated specials, wage loss and future medical, and lists bills without adding them twice (Format B)', async () => {
    const { damages } = (await run(fixture('sample_matter.json'))).artifact.facts;
    expect(damages.economic_total).toBe(65200);
    expect(damages.lines.filter((l) => l.included).map((l) => [l.category, l.amount])).toEqual([['specials', 32000], ['wage_loss', 15200], ['future_medical', 18000]]);
    expect(damages.lines.filter((l) => !l.included).map((l) => [l.source.path, l.amount])).toEqual([['medical.0.records.0.balance', 450], ['medical.0.records.1.balance', 1850], ['medical.1.records.0.balance', 3200]]);
    expect(damages.billed_medical_total).toBe(5500);
    expect(damages.notes).toContain('Itemised bills total $5,500 against stated specials of $32,000; $26,500 of the specials is not itemised.');
    expect(damages.non_economic.generals).toBe(90000);
  });

  it('uses the bills as medical specials when no specials are stated', async () => {
    const { damages } = (await run(fixture('auto_collision_florida.json'))).artifact.facts;
    expect(damages.totals_by_category).toEqual([{ category: 'medical_bills', total: 33950 }, { category: 'wage_loss', total: 9600 }]);
    expect(damages.economic_total).toBe(43550);
  });

  it('reports amounts written in documents separately and never adds them', async () => {
    const { damages } = (await run(fixture('nominal_collision_matter.json'))).artifact.facts;
    expect(damages.economic_total).toBe(52000);
    expect(damages.reported_amounts.map((r) => [r.text, r.source.path])).toEqual([['$42,000', 'documents.2.summary'], ['$18,000', 'documents.2.facts.0'], ['$2,800', 'documents.2.facts.1']]);
  });
});

describe('LDA: timeline and incident', () => {
  it('sorts the timeline and points every entry to its source', async () => {
    const { timeline } = (await run(fixture('nominal_collision_matter.json'))).artifact.facts;
    expect(timeline.map((t) => t.date)).toEqual([...timeline.map((t) => t.date)].sort());
    expect(timeline.map((t) => t.source.path)).toEqual(['events.0', 'documents.0', 'summary', 'events.1', 'documents.1', 'events.2', 'documents.2']);
  });

  it('keeps documents with free-text dates apart as undated, and flags them', async () => {
    const { artifact } = await run(fixture('product_liability_florida.json'));
    expect(artifact.facts.undated_items).toEqual([expect.objectContaining({ date_as_given: 'Various 2023-2024', source: { path: 'documents.5', label: 'Document "CPSC Complaint Database"' } })]);
    expect(artifact.unresolved_issues).toContain('documents.5.date: date "Various 2023-2024" is free text and could not be resolved to a day');
    // The month-only mention "March 2024" in a document fact is kept with its precision.
    expect(artifact.facts.timeline.find((t) => t.precision === 'month')).toMatchObject({ date: '2024-03', source: { path: 'documents.5.facts.1' } });
  });

  it('takes the incident date from the summary when there are no events', async () => {
    const { incident } = (await run(fixture('edgecase_sparse_slip_and_fall.json'))).artifact.facts;
    expect(incident).toMatchObject({ date: '2024-02-11', basis: 'date stated in the matter summary', source: { path: 'summary' } });
  });

  it('reports a missing incident date as a gap and an unresolved issue', async () => {
    const { artifact } = await run({ summary: 'Client fell in a store.', parties: ['Ann Lee (Client)', 'ShopCo Inc.'] });
    expect(artifact.facts.incident.date).toBeNull();
    expect(artifact.facts.evidence_gaps.map((g) => g.gap)).toEqual(expect.arrayContaining(['Incident date missing', 'Jurisdiction missing']));
    expect(artifact.unresolved_issues).toContain('Incident date unknown: the limitation deadline cannot be computed.');
  });
});

describe('LDA: evidence gaps', () => {
  it('flags a collision with no police report, and a treatment gap over 30 days', async () => {
    const matter = {
      summary: 'Client was rear-ended by a pickup truck at a stop sign on 2025-01-06.',
      parties: ['Tom Reed (Client)', 'Jill Park'],
      metadata: { jurisdiction: 'California', cause_of_action: 'motor_vehicle' },
      events: [{ date: '2025-01-06', description: 'Rear-end collision' }, { date: '2025-01-08', description: 'Chiropractic treatment begins' }, { date: '2025-03-20', description: 'Follow-up evaluation' }],
      damages: { specials: 8000 },
    };
    const { facts } = (await run(matter)).artifact;
    expect(facts.evidence_gaps.map((g) => g.gap)).toEqual(expect.arrayContaining(['No police or collision report', 'Gap of 71 days in documented treatment']));
    expect(facts.treatment_gaps).toEqual([{ from: '2025-01-08', to: '2025-03-20', days: 71, from_description: 'Chiropractic treatment begins', to_description: 'Follow-up evaluation' }]);
  });

  it('does not flag a police report gap when the report is in the evidence', async () => {
    const { facts } = (await run(fixture('sample_matter.json'))).artifact;
    expect(facts.evidence_gaps.map((g) => g.gap)).not.toContain('No police or collision report');
    expect(facts.evidence_gaps.map((g) => g.gap)).toContain('Gap of 59 days in documented treatment');
  });
});

describe('LDA: tools, provenance and prose', () => {
  it('lists exactly the tools that ran and records the one LLM call', async () => {
    const { artifact, calls } = await run(fixture('nominal_collision_matter.json'));
    expect(artifact.provenance.tools_used).toEqual(['extract_facts', 'identify_parties', 'build_timeline', 'establish_incident_date', 'summarize_injuries', 'build_damages_ledger', 'find_evidence_gaps']);
    expect(artifact.provenance.llm_purposes).toEqual(['matter_overview']);
    expect(calls).toBe(1);
  });

  it('uses an injected tool in place of the default', async () => {
    const custom = defineTool({ ...buildTimelineTool, name: 'custom_timeline', run: () => ({ timeline: [], undated: [], unresolved_dates: [] }) });
    const { artifact } = await run(fixture('nominal_collision_matter.json'), createLdaAgent({ tools: { build_timeline: custom } }));
    expect(artifact.facts.timeline).toEqual([]);
    expect(artifact.provenance.tools_used).toContain('custom_timeline');
    expect(artifact.provenance.tools_used).not.toContain('build_timeline');
  });

  it('rejects an injected tool whose output breaks its schema', async () => {
    const broken = defineTool({ ...buildTimelineTool, run: () => ({ timeline: [{ date: 5 }], undated: [], unresolved_dates: [] }) as never });
    await expect(run(fixture('nominal_collision_matter.json'), createLdaAgent({ tools: { build_timeline: broken } }))).rejects.toMatchObject({ code: 'agent_tool_output_invalid' });
  });

  it('lets the model write the overview but never change the computed facts', async () => {
    const { llm, requests } = recordingLlm(() => 'Rewritten overview.');
    const output = await createLdaAgent()({ matter: fixture('nominal_collision_matter.json'), inputs: {} }, { llm, now: SPEC_NOW });
    const artifact = ldaArtifactSchema.parse(output.artifact);
    expect(artifact.facts.matter_overview).toBe('Rewritten overview.');
    expect(artifact.facts.damages.economic_total).toBe(52000);
    expect(requests[0]?.draft).toContain('Economic damages documented: $52,000');
    expect(output.llmCalls).toHaveLength(1);
  });
});
