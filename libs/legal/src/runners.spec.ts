import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from '@themis/domain';
import { deaArtifactSchema } from './agents/dea/dea.schema.ts';
import { ldaArtifactSchema } from './agents/lda/lda.schema.ts';
import { buildDamagesLedgerTool, buildLedger } from './agents/lda/tools/damages-ledger.tool.ts';
import { lsaArtifactSchema } from './agents/lsa/lsa.schema.ts';
import { defineTool } from './agents/shared/tool.ts';
import { createAgentRunners } from './index.ts';
import { recordingLlm, SPEC_NOW } from './testing/recording-llm.ts';

const matter = JSON.parse(readFileSync(new URL('../../testing/fixtures/rear_end_collision_texas.json', import.meta.url), 'utf8')) as JsonValue;

describe('createAgentRunners', () => {
  it('runs LDA, then DEA and LSA on the upstream artifacts, as the pi-demand plan does', async () => {
    const runners = createAgentRunners();
    const { llm } = recordingLlm();
    const context = { llm, now: SPEC_NOW };
    const lda = await runners.lda({ matter, inputs: {} }, context);
    const dea = await runners.dea({ matter, inputs: { lda: lda.artifact } }, context);
    const lsa = await runners.lsa({ matter, inputs: { lda: lda.artifact, dea: dea.artifact } }, context);

    expect(ldaArtifactSchema.parse(lda.artifact).facts.damages.economic_total).toBe(41350);
    const deaArtifact = deaArtifactSchema.parse(dea.artifact);
    expect(deaArtifact.provenance.inputs).toEqual(['matter', 'lda artifact from step "lda"']);
    const lsaArtifact = lsaArtifactSchema.parse(lsa.artifact);
    expect(lsaArtifact.provenance.inputs).toEqual(['matter', 'lda artifact from step "lda"', 'dea artifact from step "dea"']);
    expect(lsaArtifact.provenance.tools_used).toEqual(['assess_case', 'value_case', 'plan_negotiation', 'assess_risks', 'plan_next_actions']);
    expect(lsaArtifact.unresolved_issues.some((issue) => issue.includes('computed from the matter'))).toBe(false);
    expect([lda.llmCalls.length, dea.llmCalls.length, lsa.llmCalls.length]).toEqual([1, 1, 2]);
  });

  it('passes injected tools to the agent they belong to', async () => {
    const flatLedger = defineTool({ ...buildDamagesLedgerTool, name: 'flat_ledger', run: ({ matter: m }) => ({ ...buildLedger(m), economic_total: 1 }) });
    const runners = createAgentRunners({ tools: { lda: { build_damages_ledger: flatLedger } } });
    const { llm } = recordingLlm();
    const lda = ldaArtifactSchema.parse((await runners.lda({ matter, inputs: {} }, { llm, now: SPEC_NOW })).artifact);
    expect(lda.facts.damages.economic_total).toBe(1);
    expect(lda.provenance.tools_used).toContain('flat_ledger');
  });

  it('runs on a matter with nothing usable and reports what is missing instead of failing', async () => {
    const runners = createAgentRunners();
    const { llm } = recordingLlm();
    const output = await runners.lsa({ matter: { summary: 'Hit by a car', parties: ['Zoe Park'], damages: { specials: 'abc' }, metadata: { jurisdiction: 'Wyoming' } }, inputs: {} }, { llm, now: SPEC_NOW });
    const artifact = lsaArtifactSchema.parse(output.artifact);
    expect(artifact.draft.risk_level).toBe('high');
    expect(artifact.strategy.settlement_range.range).toEqual({ low: 0, high: 0 });
    expect(artifact.strategy.risk_assessment.risks.map((r) => r.risk)).toEqual(['Jurisdiction unknown', 'Incident date missing', 'No defendant identified', 'No economic damages figures', 'Unproven elements (Motor vehicle negligence)']);
  });
});
