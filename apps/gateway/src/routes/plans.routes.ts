import { Router, type Request, type Response } from 'express';
import { notFound } from '@themis/domain';
import { localsOf, requireJsonContentType } from '@themis/http';
import type { JsonValue } from '@themis/domain';
import { type AsOf, type ExecuteOutcome, parseAsOf, type PlanService, type RequestContext } from '@themis/projections';
import { asOfQuery, createPlanRequest, executeRequest, listQuery, planIdParam } from '../schemas/api.schemas.ts';
import { matterIssues, parseOrThrow } from './validate.ts';

export interface PlanRoutesOptions {
  readonly service: PlanService;
  /** How long execute and runs wait for the plan to settle before answering 202. */
  readonly executeWaitMs: number;
}

export const contextOf = (res: Response): RequestContext => {
  const locals = localsOf(res);
  return { actor: locals.actor, correlationId: locals.requestId, traceparent: locals.traceparent };
};

/** A malformed id cannot name a plan, so it is answered like an unknown one. */
export function planIdOf(req: Request): string {
  const parsed = planIdParam.safeParse(req.params);
  if (!parsed.success) throw notFound('plan_not_found', `plan ${String(req.params['id'])} does not exist`);
  return parsed.data.id;
}

function asOfOf(req: Request): AsOf | undefined {
  const { asOf } = parseOrThrow(asOfQuery, req.query, 'query');
  return asOf === undefined ? undefined : parseAsOf(asOf, 'query.asOf');
}

const wantsAsync = (req: Request) => /(^|[,;\s])respond-async([,;\s]|$)/i.test(req.get('prefer') ?? '');

/** 200 with the result once settled; 202 + Location while it still runs (asked for, or the wait ran out). */
function sendOutcome(res: Response, outcome: ExecuteOutcome, asked: boolean): void {
  res.setHeader('Location', `/v1/plans/${outcome.view.id}`);
  if (asked) res.setHeader('Preference-Applied', 'respond-async');
  res.status(outcome.settled ? 200 : 202).json({ plan: outcome.view, artifacts: outcome.artifacts });
}

/** The envelope checked, the matter passed on as the client sent it (zod's parsed copy would drop keys like `__proto__`). */
function parseCreate(body: unknown): { matter: JsonValue; template: string | undefined } {
  const { template } = parseOrThrow(createPlanRequest, body ?? {}, '', matterIssues(body));
  return { matter: (body as { matter: JsonValue }).matter, template };
}

export function planRoutes({ service, executeWaitMs }: PlanRoutesOptions): Router {
  const router = Router();

  router.post('/v1/plans', requireJsonContentType(), async (req, res) => {
    const view = await service.createPlan(parseCreate(req.body), contextOf(res));
    res.status(201).setHeader('Location', `/v1/plans/${view.id}`).json(view);
  });

  router.post('/v1/runs', requireJsonContentType(), async (req, res) => {
    const asked = wantsAsync(req);
    const outcome = await service.runMatter(parseCreate(req.body), contextOf(res), { waitMs: asked ? 0 : executeWaitMs });
    sendOutcome(res, outcome, asked);
  });

  router.post('/v1/plans/:id/execute', requireJsonContentType(), async (req, res) => {
    const planId = planIdOf(req);
    parseOrThrow(executeRequest, req.body ?? {}, '');
    const asked = wantsAsync(req);
    sendOutcome(res, await service.executePlan(planId, contextOf(res), { waitMs: asked ? 0 : executeWaitMs }), asked);
  });

  router.get('/v1/plans', async (req, res) => {
    const query = parseOrThrow(listQuery, req.query, 'query');
    res.json(await service.listPlans(query));
  });

  router.get('/v1/plans/:id', async (req, res) => {
    const planId = planIdOf(req);
    res.json(await service.getPlan(planId, asOfOf(req)));
  });

  router.get('/v1/plans/:id/artifacts', async (req, res) => {
    const { view, artifacts } = await service.getArtifacts(planIdOf(req));
    res.json({ planId: view.id, status: view.status, artifacts });
  });

  router.get('/v1/plans/:id/artifacts/:stepId', async (req, res) => {
    const { view, artifacts } = await service.getArtifacts(planIdOf(req));
    const stepId = String(req.params['stepId']);
    const artifact = Object.hasOwn(artifacts, stepId) ? artifacts[stepId] : undefined;
    if (artifact === undefined) {
      const known = view.steps.some((step) => step.id === stepId);
      throw notFound('artifact_not_found', known ? `step ${stepId} has not completed` : `plan ${view.id} has no step ${stepId}`);
    }
    res.json(artifact);
  });

  router.get('/v1/plans/:id/events', async (req, res) => {
    const planId = planIdOf(req);
    res.json({ planId, events: await service.getEvents(planId) });
  });

  router.get('/v1/plans/:id/audit', async (req, res) => {
    res.json(await service.audit(planIdOf(req)));
  });

  router.get('/v1/plans/:id/stream', async (req, res) => {
    const planId = planIdOf(req);
    await service.getPlan(planId); // 404 before the stream starts
    const aborted = new AbortController();
    req.on('close', () => aborted.abort());
    res.status(200).setHeader('Content-Type', 'text/event-stream').setHeader('Cache-Control', 'no-cache').flushHeaders();
    await service.watch(planId, (view) => res.write(`event: plan\nid: ${view.version}\ndata: ${JSON.stringify(view)}\n\n`), aborted.signal);
    res.end();
  });

  return router;
}
