import { type ExecutionPolicy, validationError } from '@themis/domain';
import { matterTitle, planTemplates, validateMatter } from '@themis/legal';
import type { CreatePlanInput, RequestContext } from '@themis/projections';
import { v7 as uuidv7 } from 'uuid';
import { type PlanCommandDeps, runPlanCommand } from './plan-commands.ts';
import { metadataOf } from './request-metadata.ts';

export interface CreatePlanDeps extends PlanCommandDeps {
  readonly policy: ExecutionPolicy;
  readonly clock: () => Date;
}

/** Validates the matter (without changing it), picks the template, and records PlanCreated. */
export async function createPlan(deps: CreatePlanDeps, input: CreatePlanInput, context: RequestContext) {
  const templateName = input.template ?? 'pi-demand';
  const template = planTemplates[templateName];
  const checked = validateMatter(input.matter);
  const issues = checked.ok ? [] : checked.issues.map((issue) => ({ ...issue, path: issue.path === '(root)' ? 'matter' : `matter.${issue.path}` }));
  if (template === undefined) issues.push({ path: 'template', message: `unknown template; known: ${Object.keys(planTemplates).join(', ')}` });
  if (issues.length > 0) throw validationError('invalid_matter', 'the matter does not pass validation', issues);

  const planId = uuidv7();
  const result = await runPlanCommand(
    deps,
    planId,
    {
      type: 'CreatePlan',
      data: { planId, template: template!.name, title: matterTitle(input.matter), matter: input.matter, steps: template!.steps, policy: deps.policy },
      metadata: { now: deps.clock() },
    },
    metadataOf(context),
  );
  return { planId, ...result };
}
