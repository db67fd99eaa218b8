import { z } from 'zod';
import { formatUsd } from '../../../text/money.ts';
import { defineTool } from '../../shared/tool.ts';

const riskSchema = z.object({ risk: z.string(), severity: z.enum(['high', 'medium', 'low']), basis: z.string(), mitigation: z.string() });
export const riskAssessmentSchema = z.object({
  risk_level: z.enum(['low', 'moderate', 'high']),
  risk_level_basis: z.string(),
  risks: z.array(riskSchema),
  confidence_score: z.number().nullable(),
});
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;
type Risk = z.infer<typeof riskSchema>;

export const assessRisksInputSchema = z.object({
  jurisdiction_known: z.boolean(),
  jurisdiction_reason: z.string().nullable(),
  deadline: z.object({ deadline: z.string(), days_remaining: z.number(), status: z.enum(['open', 'within_180_days', 'expired']), cite: z.string() }).nullable(),
  minor_plaintiff: z.boolean(),
  gaps: z.array(z.object({ gap: z.string(), detail: z.string(), severity: z.enum(['high', 'medium', 'low']) })),
  unproven: z.array(z.object({ issue: z.string(), element: z.string() })),
  fault: z.object({ kind: z.enum(['pure', 'modified']), bar_above_percent: z.number().nullable(), cite: z.string() }).nullable(),
  plaintiff_fault_percent: z.number().nullable(),
  plaintiff_fault_argued: z.array(z.string()),
  cap_applied: z.boolean(),
  bounded_by_policy_limits: z.boolean(),
  policy_limit: z.number().nullable(),
  confidence_score: z.number().nullable(),
});

const URGENT_DAYS = 90;

/** Risks with a severity each; the overall level is the most severe one. */
export function assessRisks(input: z.infer<typeof assessRisksInputSchema>): RiskAssessment {
  const risks: Risk[] = [];
  if (!input.jurisdiction_known) risks.push({ risk: 'Jurisdiction unknown', severity: 'high', basis: input.jurisdiction_reason ?? 'No jurisdiction given.', mitigation: 'Establish the forum state; until then no deadline, fault rule or cap is known.' });
  const d = input.deadline;
  if (input.jurisdiction_known && d === null) risks.push({ risk: 'Limitation deadline unknown', severity: 'high', basis: 'The incident date is not established.', mitigation: 'Establish the incident date and compute the deadline.' });
  if (d !== null && d.status === 'expired') risks.push({ risk: 'Limitation deadline has passed', severity: 'high', basis: `The computed deadline ${d.deadline} (${d.cite}) passed ${-d.days_remaining} days ago.`, mitigation: 'Check filing status, tolling (minority, discovery) and any agreement immediately.' });
  else if (d !== null && d.status === 'within_180_days') risks.push({ risk: 'Limitation deadline within 180 days', severity: d.days_remaining <= URGENT_DAYS ? 'high' : 'medium', basis: `The deadline is ${d.deadline} (${d.cite}), ${d.days_remaining} days away.`, mitigation: 'Prepare the complaint now; do not let negotiation run past the deadline.' });
  if (input.minor_plaintiff) risks.push({ risk: 'Minor plaintiff', severity: 'low', basis: 'The plaintiff is a minor.', mitigation: "Confirm the date of birth for tolling, and check whether a minor's settlement needs court approval." });
  // The unknown-jurisdiction risk above already covers the LDA's "Jurisdiction missing" gap.
  for (const gap of input.gaps.filter((g) => g.severity !== 'low' && !(g.gap === 'Jurisdiction missing' && !input.jurisdiction_known))) risks.push({ risk: gap.gap, severity: gap.severity, basis: gap.detail, mitigation: 'Obtain the missing record before the demand.' });
  for (const issue of [...new Set(input.unproven.map((u) => u.issue))]) {
    const elements = input.unproven.filter((u) => u.issue === issue).map((u) => u.element);
    risks.push({ risk: `Unproven element${elements.length === 1 ? '' : 's'} (${issue})`, severity: 'medium', basis: elements.join('; '), mitigation: 'Develop evidence for each unproven element.' });
  }
  const f = input.fault;
  const pct = input.plaintiff_fault_percent;
  if (f !== null && (pct !== null || input.plaintiff_fault_argued.length > 0)) {
    const barred = f.kind === 'modified' && f.bar_above_percent !== null && pct !== null && pct > f.bar_above_percent;
    const basis = pct !== null ? `Plaintiff ${pct}% at fault under ${f.kind} comparative fault (${f.cite}).` : `Argued: ${input.plaintiff_fault_argued.join('; ')} (${f.kind} comparative fault, ${f.cite}).`;
    const severity = barred || (f.kind === 'modified' && pct !== null && pct >= 40) ? 'high' : f.kind === 'modified' || (pct !== null && pct >= 30) ? 'medium' : 'low';
    risks.push({ risk: barred ? 'Recovery barred by plaintiff fault' : 'Comparative fault', severity, basis, mitigation: f.kind === 'modified' ? `Keep the plaintiff's share at or below ${f.bar_above_percent ?? 50}%: above it recovery is barred.` : 'Each point of plaintiff fault reduces recovery proportionally.' });
  }
  if (input.cap_applied) risks.push({ risk: 'Non-economic damages cap', severity: 'medium', basis: 'A statutory cap limits non-economic damages.', mitigation: 'Build the economic damages (past and future medical, wage loss) fully.' });
  if (input.bounded_by_policy_limits) risks.push({ risk: 'Value exceeds known coverage', severity: 'medium', basis: `Known per-person limits ${formatUsd(input.policy_limit ?? 0)} are below the computed range.`, mitigation: 'Ask for excess/umbrella coverage and asset information; consider a policy-limits demand.' });
  const level = risks.some((r) => r.severity === 'high') ? 'high' : risks.some((r) => r.severity === 'medium') ? 'moderate' : 'low';
  const top = risks.filter((r) => r.severity === (level === 'moderate' ? 'medium' : level)).map((r) => r.risk);
  return {
    risk_level: level,
    risk_level_basis: risks.length === 0 ? 'No risks found in the file.' : `${level} because of: ${top.join('; ')}.`,
    risks,
    confidence_score: input.confidence_score,
  };
}

export const assessRisksTool = defineTool({
  name: 'assess_risks',
  description: 'Risks with severities: limitation deadline (expired, within 180 days), unknown jurisdiction or incident date, evidence and treatment gaps, unproven elements, comparative fault under the state rule, caps, coverage.',
  input: assessRisksInputSchema,
  output: riskAssessmentSchema,
  run: assessRisks,
});
