import { z } from 'zod';
import { defineTool } from '../../shared/tool.ts';

const pointSchema = z.object({ point: z.string(), source: z.enum(['matter', 'lda', 'dea']) });
export const caseAssessmentSchema = z.object({ strengths: z.array(pointSchema), weaknesses: z.array(pointSchema) });
export type CaseAssessment = z.infer<typeof caseAssessmentSchema>;

export const assessCaseInputSchema = z.object({
  matter_strengths: z.array(z.string()),
  matter_weaknesses: z.array(z.string()),
  issues: z.array(z.object({ issue: z.string(), strength: z.string(), unproven: z.array(z.string()) })),
  evidence_titles: z.array(z.string()),
  gaps: z.array(z.object({ gap: z.string(), detail: z.string(), severity: z.enum(['high', 'medium', 'low']) })),
  plaintiff_fault_argued: z.array(z.string()),
});

const KEY_EVIDENCE: readonly [RegExp, string][] = [
  [/\b(police|collision|crash|accident) report\b/i, 'Police or collision report in the file'],
  [/\b(video|surveillance|cctv|footage)\b/i, 'Video of the incident in the file'],
  [/\bexpert\b/i, 'Expert report in the file'],
  [/\bincident report\b/i, 'Incident report in the file'],
  [/\banimal control\b/i, 'Animal-control report in the file'],
  [/\bosha\b/i, 'OSHA investigation in the file'],
];

/** Strengths and weaknesses: the matter's own lists, plus what the LDA and DEA found. */
export function assessCase(input: z.infer<typeof assessCaseInputSchema>): CaseAssessment {
  const strengths: CaseAssessment['strengths'] = input.matter_strengths.map((point) => ({ point, source: 'matter' }));
  const weaknesses: CaseAssessment['weaknesses'] = input.matter_weaknesses.map((point) => ({ point, source: 'matter' }));
  for (const issue of input.issues) {
    if (issue.unproven.length === 0) strengths.push({ point: `${issue.issue}: every element is supported by facts in the file.`, source: 'dea' });
    else weaknesses.push({ point: `${issue.issue}: unproven — ${issue.unproven.join('; ')}.`, source: 'dea' });
  }
  for (const [pattern, label] of KEY_EVIDENCE) {
    const titles = input.evidence_titles.filter((title) => pattern.test(title));
    if (titles.length > 0) strengths.push({ point: `${label}: ${titles.map((t) => `"${t}"`).join(', ')}.`, source: 'lda' });
  }
  for (const gap of input.gaps.filter((g) => g.severity !== 'low')) weaknesses.push({ point: `${gap.gap}: ${gap.detail}`, source: 'lda' });
  for (const text of input.plaintiff_fault_argued) if (!input.matter_weaknesses.includes(text)) weaknesses.push({ point: `Plaintiff fault argued: ${text}`, source: 'matter' });
  return { strengths, weaknesses };
}

export const assessCaseTool = defineTool({
  name: 'assess_case',
  description: 'Strengths and weaknesses from the matter\'s own lists, the DEA\'s element analysis, key evidence in the file, and the LDA\'s evidence gaps.',
  input: assessCaseInputSchema,
  output: caseAssessmentSchema,
  run: assessCase,
});
