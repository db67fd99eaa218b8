import { Router } from 'express';
import { DomainError, isDomainError, notFound } from '@themis/domain';
import { jsonBody } from '@themis/http';
import type { JsonValue } from '@themis/domain';
import type { PlanService } from '@themis/projections';
import { z } from 'zod';
import { contextOf } from '../routes/plans.routes.ts';
import { matterIssues, parseOrThrow } from '../routes/validate.ts';
import { upstreamExecution, upstreamPlan } from './upstream-shapes.ts';

export const compatPlanRequest = z.strictObject({ matter: z.record(z.string(), z.unknown()) }).meta({ id: 'UpstreamPlanRequest' });
export const compatExecuteRequest = z
  .strictObject({ plan_id: z.string().nullable().optional(), matter: z.record(z.string(), z.unknown()).nullable().optional() })
  .meta({ id: 'UpstreamExecuteRequest' });

const planMissing = (id: string) => notFound('plan_not_found', `Plan '${id}' does not exist`);

/** Unknown ids answer with the Python API's wording. */
async function orMissing<T>(id: string, read: () => Promise<T>, missing: (id: string) => DomainError = planMissing): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isDomainError(error) && error.kind === 'not_found') throw missing(id);
    throw error;
  }
}


/**
 * The Python API's `/orchestrator/*` paths and shapes, for existing clients. Like upstream, any
 * content type is read as JSON; unlike upstream, errors are problem+json (with `detail` as text).
 */
export function compatRoutes(service: PlanService, executeWaitMs: number, maxPayloadBytes: number): Router {
  const router = Router();
  router.use('/orchestrator', jsonBody(maxPayloadBytes, { anyContentType: true }));

  router.post('/orchestrator/plan', async (req, res) => {
    parseOrThrow(compatPlanRequest, req.body ?? {}, '', matterIssues(req.body));
    const view = await service.createPlan({ matter: (req.body as { matter: JsonValue }).matter }, contextOf(res));
    res.json(upstreamPlan(view));
  });

  router.post('/orchestrator/execute', async (req, res) => {
    const body = parseOrThrow(compatExecuteRequest, req.body ?? {}, '', matterIssues(req.body));
    const planId = body.plan_id ?? undefined;
    const matter = body.matter === undefined || body.matter === null ? undefined : (req.body as { matter: JsonValue }).matter;
    if (planId === undefined && matter === undefined) {
      throw new DomainError('bad_request', 'plan_or_matter_required', 'Provide either an existing plan_id or a matter payload to execute.', {
        issues: [{ path: 'plan_id', message: 'give plan_id or matter' }],
      });
    }
    if (planId !== undefined && matter !== undefined) {
      throw new DomainError('validation', 'matter_replacement_unsupported', 'A stored plan is immutable: omit plan_id to run this matter as a new plan.', {
        issues: [{ path: 'matter', message: 'cannot replace the matter of an existing plan' }],
      });
    }
    const waitMs = executeWaitMs;
    const outcome =
      planId !== undefined
        ? await orMissing(planId, () => service.executePlan(planId, contextOf(res), { waitMs }))
        : await service.runMatter({ matter: matter! }, contextOf(res), { waitMs });
    const events = await service.getEvents(outcome.view.id);
    res.status(outcome.settled ? 200 : 202).json(upstreamExecution(outcome.view, outcome.artifacts, events));
  });

  router.get('/orchestrator/plans/:id', async (req, res) => {
    const id = String(req.params['id']);
    const view = await orMissing(id, () => service.getPlan(id));
    res.json(upstreamPlan(view));
  });

  router.get('/orchestrator/artifacts/:id', async (req, res) => {
    const id = String(req.params['id']);
    const executionMissing = (planId: string) => notFound('execution_not_found', `Execution for plan '${planId}' does not exist`);
    const { view, artifacts } = await orMissing(id, () => service.getArtifacts(id), executionMissing);
    if (view.status === 'planned') throw executionMissing(id);
    res.json(upstreamExecution(view, artifacts, []).artifacts);
  });

  return router;
}
