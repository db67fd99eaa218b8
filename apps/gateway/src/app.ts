import express, { type Express } from 'express';
import { apiKeyAuth, errorHandler, type HealthCheck, healthRouter, jsonBody, requestContext, requestLog, sendProblem } from '@themis/http';
import type { PlanService } from '@themis/projections';
import { categoryLogger, type Logger } from '@themis/telemetry';
import { compatRoutes } from './compat/compat.routes.ts';
import { allowedMethods, openApiDocument } from './openapi.ts';
import { documentRoutes } from './routes/documents.routes.ts';
import { planRoutes } from './routes/plans.routes.ts';

export interface GatewayOptions {
  readonly service: PlanService;
  readonly logger: Logger;
  readonly apiKeys: readonly string[];
  readonly maxPayloadBytes: number;
  readonly executeWaitMs: number;
  readonly healthChecks: Readonly<Record<string, HealthCheck>>;
  readonly healthDetails?: () => Record<string, unknown>;
}

/** The HTTP API: open health and OpenAPI, then the key check, then the routes; every error is problem+json. */
export function createGatewayApp(options: GatewayOptions): Express {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestContext());
  app.use(requestLog(categoryLogger(logger, 'themis.api.requests'), categoryLogger(logger, 'themis.api.performance')));

  app.use(healthRouter(options.healthChecks, options.healthDetails ?? (() => ({}))));
  app.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.get('/', (_req, res) => {
    res.json({ name: 'Themis', openapi: '/openapi.json', health: '/health', plans: '/v1/plans' });
  });

  app.use(apiKeyAuth(options.apiKeys, categoryLogger(logger, 'themis.api.audit')));
  app.use('/v1', jsonBody(options.maxPayloadBytes));
  app.use(planRoutes({ service: options.service, executeWaitMs: options.executeWaitMs }));
  app.use(documentRoutes(options.service));
  app.use(compatRoutes(options.service, options.executeWaitMs, options.maxPayloadBytes));

  app.use((req, res) => {
    const allowed = allowedMethods(req.path);
    if (allowed.length > 0) {
      res.setHeader('Allow', [...new Set(allowed.map((method) => method.toUpperCase()))].sort().join(', '));
      return sendProblem(res, { status: 405, code: 'method_not_allowed', title: 'Method Not Allowed', detail: `${req.method} is not supported on ${req.path}.` });
    }
    sendProblem(res, { status: 404, code: 'route_not_found', title: 'Not Found', detail: `No route ${req.method} ${req.path}.` });
  });
  app.use(errorHandler(categoryLogger(logger, 'themis.api')));
  return app;
}
