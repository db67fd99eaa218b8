import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '@themis/domain';
import { recordingLlm, SPEC_NOW } from '../../testing/recording-llm.ts';
import { createLdaAgent } from '../lda/lda.agent.ts';
import { createDeaAgent } from './dea.agent.ts';
import { type DeaArtifact, deaArtifactSchema } from './dea.schema.ts';

const fixture = (name: string): JsonValue => JSON.parse(readFileSync(new URL(`../../../../testing/fixtures/${name}`, import.meta.url), 'utf8')) as JsonValue;

async function run(matter: JsonValue, inputs: Record<string, JsonValue> = {}): Promise<DeaArtifact> {
  const { llm } = recordingLlm();
  const output = await createDeaAgent()({ matter, inputs }, { llm, now: SPEC_NOW });
  expect(output.llmCalls.map((c) => c.purpose)).toEqual(['legal_analysis']);
  return deaArtifactSchema.parse(output.artifact);
}

const issueIds = (artifact: DeaArtifact): string[] => artifact.legal_analysis.issues.map((i) => i.id);

describe('DEA: issues come from the facts, not from keywords in instructions', () => {
  it('does not raise contract, motion or auto issues from "issue", "pursue", "care", "scar" or "range of motion"', async () => {
    const artifact = await run({
      summary: 'Client slipped on a wet floor at a grocery store. The key issue is whether to pursue the claim. She needs ongoing medical care, has a scar and limited range of motion.',
      parties: ['Nina Shah (Client)', 'FreshCo Markets Inc.'],
      metadata: { jurisdiction: 'CA' },
    });
    expect(issueIds(artifact)).toEqual(['premises_liability']);
  });

  it('spots the rear-end pattern and lists each element with the facts that meet it', async () => {
    const artifact = await run(fixture('sample_matter.json'));
    expect(issueIds(artifact)).toEqual(['motor_vehicle_negligence', 'rear_end_collision']);
    const rearEnd = artifact.legal_analysis.issues[1];
    expect(rearEnd?.basis).toBe('fact_pattern');
    expect(rearEnd?.elements[0]).toMatchObject({ status: 'supported', facts: [{ text: 'On March 14, 2024, a Central Logistics truck rear-ended Ms. Smith while she was stopped at a red light in downtown Los Angeles.', source: { path: 'facts.incident_description' } }] });
    expect(rearEnd?.notes).toContain('Defence theory to meet: "Comparative negligence - sudden stop"');
  });

  it('marks an element unproven when no fact supports it', async () => {
    const artifact = await run({ summary: 'A dog bit the client.', parties: ['Al Cole (Client)', 'Bea Dunn'], metadata: { jurisdiction: 'Illinois', cause_of_action: 'dog_bite' } });
    const elements = artifact.legal_analysis.issues[0]?.elements ?? [];
    expect(elements.find((e) => e.element.includes('without provocation'))).toMatchObject({ status: 'unproven', facts: [], note: 'No fact in the file establishes this element yet.' });
    expect(artifact.legal_analysis.issues[0]?.strength).toBe('weak');
  });
});

describe('DEA: jurisdiction', () => {
  it('reports Wyoming as unknown: no deadline, no fault rule, no citations', async () => {
    const matter = { ...(fixture('nominal_collision_matter.json') as { matter: Record<string, JsonValue> }).matter, metadata: { title: 'Lopez v. Coastal Delivery', jurisdiction: 'Wyoming', cause_of_action: 'motor_vehicle' } };
    const artifact = await run(matter);
    expect(artifact.jurisdiction).toMatchObject({ known: false, input: 'Wyoming', limitation: null, fault_rule: null });
    expect(artifact.authorities.controlling_authorities).toEqual([]);
    expect(artifact.unresolved_issues[1]).toContain('Jurisdiction unknown');
    expect(artifact.legal_analysis.analysis).toContain('The jurisdiction is unknown');
  });

  it('never defaults a missing jurisdiction to California', async () => {
    const artifact = await run({ summary: 'Rear-ended at a light on 2025-02-03.', parties: ['A (Client)', 'B'] });
    expect(artifact.jurisdiction).toMatchObject({ known: false, input: null, reason: 'No jurisdiction was given.' });
  });

  it('applies New York\'s 2.5-year med-mal period and its citation', async () => {
    const { jurisdiction } = await run(fixture('medical_malpractice_new_york.json'));
    if (!jurisdiction.known) throw new Error('expected New York');
    expect(jurisdiction.limitation).toMatchObject({ claim_kind: 'medical_malpractice', citation: { cite: 'N.Y. CPLR 214-a' }, deadline: { deadline: '2026-09-14', days_remaining: 470 } });
  });

  it('flags the minor\'s tolling with its citation (dog bite, 8-year-old)', async () => {
    const artifact = await run(fixture('dog_bite_california.json'));
    if (!artifact.jurisdiction.known) throw new Error('expected California');
    expect(artifact.jurisdiction.limitation.minors).toMatchObject({ applies: 'yes', plaintiff_age: 8, citations: [{ cite: 'Cal. Code Civ. Proc. § 352' }] });
    expect(artifact.jurisdiction.dog_bite?.citations.map((c) => c.cite)).toEqual(['Cal. Civ. Code § 3342']);
    expect(artifact.unresolved_issues).toContain('Minor plaintiff: confirm the date of birth to apply Cal. Code Civ. Proc. § 352.');
  });

  it('compares a listed limitation deadline with the computed one', async () => {
    const artifact = await run(fixture('sample_matter.json'));
    expect(artifact.deadline_checks).toEqual(['The matter lists "Statute of Limitations" due 2026-03-14; the computed deadline is 2026-03-16 (anniversary 2026-03-14 rolled forward). Use the earlier date, 2026-03-14, as the filing target.']);
  });
});

describe('DEA: authorities', () => {
  it('echoes the matter\'s authorities as client-supplied, apart from the curated ones', async () => {
    const artifact = await run(fixture('nominal_collision_matter.json'));
    expect(artifact.legal_analysis.client_authorities.map((a) => [a.cite, a.origin, a.in_curated_table])).toEqual([['Cal. Veh. Code § 22107', 'client_supplied', false], ['CACI 3903D', 'client_supplied', false]]);
    expect(artifact.authorities.controlling_authorities).not.toContain('CACI 3903D');
  });

  it('lists caps and a fault bar that cut against the client as contrary authority', async () => {
    expect((await run(fixture('medical_malpractice_texas.json'))).authorities.contrary_authorities).toEqual(['Tex. Civ. Prac. & Rem. Code §§ 74.301, 74.303']);
    expect((await run(fixture('premises_liability_texas.json'))).authorities.contrary_authorities).toEqual(['Tex. Civ. Prac. & Rem. Code §§ 33.001, 33.012, 33.013']);
  });
});

describe('DEA: upstream LDA artifact', () => {
  it('reads the LDA artifact from the inputs instead of recomputing', async () => {
    const { llm } = recordingLlm();
    const matter = fixture('nominal_collision_matter.json');
    const lda = await createLdaAgent()({ matter, inputs: {} }, { llm, now: SPEC_NOW });
    const artifact = await run(matter, { 'step-lda': lda.artifact });
    expect(artifact.provenance.inputs).toEqual(['matter', 'lda artifact from step "step-lda"']);
    expect(artifact.provenance.tools_used).toEqual(['spot_issues', 'apply_jurisdiction_rules', 'select_authorities']);
  });

  it('computes the facts itself, and says so, when no LDA artifact is given', async () => {
    const artifact = await run(fixture('nominal_collision_matter.json'));
    expect(artifact.provenance.inputs[1]).toBe('LDA facts computed from the matter (no LDA artifact among the inputs)');
    expect(artifact.provenance.tools_used[0]).toBe('lda/extract_facts');
    expect(artifact.unresolved_issues[0]).toBe('No LDA artifact was given: the facts were computed from the matter by this step.');
  });
});
