import { z } from 'zod';
import { defineTool } from '../../shared/tool.ts';

export const nextActionsSchema = z.object({
  recommended_actions: z.array(z.string()),
  contingencies: z.array(z.string()),
  recommended_document_type: z.enum(['demand_letter', 'complaint']),
  document_type_reasoning: z.string(),
});
export type NextActions = z.infer<typeof nextActionsSchema>;

export const planNextActionsInputSchema = z.object({
  deadline: z.object({ deadline: z.string(), days_remaining: z.number(), status: z.enum(['open', 'within_180_days', 'expired']) }).nullable(),
  jurisdiction_known: z.boolean(),
  phase: z.string().nullable(),
  gaps: z.array(z.object({ gap: z.string(), detail: z.string(), severity: z.enum(['high', 'medium', 'low']) })),
  client_listed_gaps: z.array(z.string()),
  unproven: z.array(z.object({ issue: z.string(), element: z.string() })),
  policy_limits_known: z.boolean(),
  plaintiff_fault_argued: z.boolean(),
  fault_kind: z.enum(['pure', 'modified']).nullable(),
});

const FILE_NOW_DAYS = 90;

/** Next actions, contingencies and the document to draft next, each tied to a finding. */
export function planNextActions(input: z.infer<typeof planNextActionsInputSchema>): NextActions {
  const actions: string[] = [];
  const d = input.deadline;
  if (!input.jurisdiction_known) actions.push('Establish the jurisdiction (forum state) so the limitation deadline and fault rule can be applied.');
  if (d === null && input.jurisdiction_known) actions.push('Establish the incident date so the limitation deadline can be computed.');
  if (d !== null) actions.push(d.status === 'expired' ? `The computed deadline ${d.deadline} has passed: verify filing status and tolling today.` : `Calendar the limitation deadline ${d.deadline} (${d.days_remaining} days from now) with reminders.`);
  for (const gap of input.gaps.filter((g) => g.severity !== 'low')) actions.push(`Close the gap: ${gap.gap} — ${gap.detail}`);
  for (const gap of input.client_listed_gaps) actions.push(`Client-listed gap: ${gap}`);
  for (const u of input.unproven) actions.push(`Develop evidence for ${u.issue}: ${u.element}.`);
  if (!input.policy_limits_known) actions.push("Request the defendant's liability policy limits.");
  const urgent = d !== null && (d.status === 'expired' || d.days_remaining <= FILE_NOW_DAYS);
  const litigating = /litigation|trial/i.test(input.phase ?? '');
  const complaint = urgent || litigating;
  actions.push(complaint ? 'Draft and file the complaint.' : 'Prepare the settlement demand once the gaps above are closed.');
  const contingencies = [
    ...(d !== null && d.status !== 'expired' ? [`If there is no acceptable offer 60 days before ${d.deadline}, file suit to protect the claim.`] : []),
    ...(input.plaintiff_fault_argued ? [input.fault_kind === 'modified' ? 'If the defence presses plaintiff fault, build the record that keeps the plaintiff at or below 50%: above it recovery is barred.' : 'If the defence presses plaintiff fault, expect a proportional reduction and value the claim accordingly.'] : []),
    'If the insurer offers below the walk-away, stop negotiating and prepare for litigation.',
  ];
  return {
    recommended_actions: actions,
    contingencies,
    recommended_document_type: complaint ? 'complaint' : 'demand_letter',
    document_type_reasoning: complaint
      ? litigating ? `The matter is in the ${input.phase ?? 'litigation'} phase.` : `The limitation deadline is ${d?.status === 'expired' ? 'past' : `${d?.days_remaining ?? 0} days away`}: protect the claim by filing.`
      : 'The deadline leaves time to negotiate, so a settlement demand comes first.',
  };
}

export const planNextActionsTool = defineTool({
  name: 'plan_next_actions',
  description: 'Recommended next actions, contingencies and the next document (demand letter or complaint), each tied to a deadline, gap or unproven element.',
  input: planNextActionsInputSchema,
  output: nextActionsSchema,
  run: planNextActions,
});
