import { type ExecutionPolicy, jsonDepth, validationError } from '@themis/domain';
import { matterTitle, planTemplates, validateMatter } from '@themis/legal';
import type { CreatePlanInput, RequestContext } from '@themis/projections';
import { v7 as uuidv7 } from 'uuid';
import { type PlanCommandDeps, runPlanCommand } from './plan-commands.ts';
import { metadataOf } from './request-metadata.ts';

/** No legal file nests this deep; the limit keeps hashing and folding bounded. */
const MAX_MATTER_DEPTH = 64;

export interface CreatePlanDeps extends PlanCommandDeps {
  readonly policy: ExecutionPolicy;
  readonly clock: () => Date;
}

/** Validates the matter (without changing it), picks the template, and records PlanCreated. */
export async function createPlan(deps: CreatePlanDeps, input: CreatePlanInput, context: RequestContext) {
  const templateName = input.template ?? 'pi-demand';
  const template = Object.hasOwn(planTemplates, templateName) ? planTemplates[templateName] : undefined;
  if (jsonDepth(input.matter) > MAX_MATTER_DEPTH) {
    throw validationError('invalid_matter', 'the matter nests too deeply', [{ path: 'matter', message: `nests deeper than ${MAX_MATTER_DEPTH} levels` }]);
  }
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
