import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { compatExecuteRequest, compatPlanRequest } from './compat/compat.routes.ts';
import * as api from './schemas/api.schemas.ts';

type Method = RouteConfig['method'];

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: api.problem } } });
const planId = z.object({ id: z.uuid() });
const commonErrors = { 401: problem('Missing or invalid API key'), 503: problem('The event store is unavailable; retry after Retry-After seconds') };

/** Every documented route; the gateway also uses this list to answer 405 with Allow. */
export const routes: RouteConfig[] = [
  { method: 'get', path: '/health', summary: 'Liveness', responses: { 200: json(api.health, 'The process is up') } },
  { method: 'get', path: '/health/live', summary: 'Liveness', responses: { 200: json(api.health, 'The process is up') } },
  { method: 'get', path: '/health/ready', summary: 'Readiness: event store, bus and cache', responses: { 200: json(api.health, 'Ready'), 503: json(api.health, 'Not ready') } },
  { method: 'get', path: '/openapi.json', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
  {
    method: 'post',
    path: '/v1/plans',
    summary: 'Create a plan for a matter',
    request: { body: { content: { 'application/json': { schema: api.createPlanRequestDoc } } } },
    responses: { 201: json(api.planView, 'Created; Location names the plan'), 400: problem('Malformed JSON'), 413: problem('Body over MAX_PAYLOAD_SIZE_MB'), 415: problem('Not JSON'), 422: problem('Invalid fields, all listed in errors'), ...commonErrors },
  },
  {
    method: 'post',
    path: '/v1/runs',
    summary: 'Create and execute a plan in one call',
    description: 'Waits for the plan to settle (up to EXECUTE_WAIT_SECONDS). With `Prefer: respond-async`, answers 202 at once.',
    request: { headers: z.object({ prefer: z.string().optional() }), body: { content: { 'application/json': { schema: api.createPlanRequestDoc } } } },
    responses: { 200: json(api.executionResult, 'Settled (completed or failed)'), 202: json(api.executionResult, 'Still running; poll Location'), 400: problem('Malformed JSON'), 413: problem('Body too large'), 415: problem('Not JSON'), 422: problem('Invalid fields'), ...commonErrors },
  },
  {
    method: 'post',
    path: '/v1/plans/{id}/execute',
    summary: 'Execute a plan',
    description: 'Waits for the plan to settle (up to EXECUTE_WAIT_SECONDS). With `Prefer: respond-async`, answers 202 at once. Executing a running plan joins it.',
    request: { params: planId, headers: z.object({ prefer: z.string().optional() }), body: { content: { 'application/json': { schema: api.executeRequest } }, required: false } },
    responses: {
      200: json(api.executionResult, 'Settled'),
      202: json(api.executionResult, 'Still running'),
      400: problem('Malformed JSON'),
      404: problem('Unknown plan'),
      409: problem('The plan already settled'),
      413: problem('Body too large'),
      415: problem('Not JSON'),
      422: problem('Unexpected fields in the body'),
      ...commonErrors,
    },
  },
  { method: 'get', path: '/v1/plans', summary: 'List plans, newest first', request: { query: api.listQuery }, responses: { 200: json(api.planList, 'A page of plans'), 422: problem('Invalid query or cursor'), ...commonErrors } },
  { method: 'get', path: '/v1/plans/{id}', summary: 'One plan (optionally as of a version or time)', request: { params: planId, query: api.asOfQuery }, responses: { 200: json(api.planView, 'The plan'), 404: problem('Unknown plan'), ...commonErrors } },
  { method: 'get', path: '/v1/plans/{id}/artifacts', summary: "The plan's artifacts by step", request: { params: planId }, responses: { 200: json(api.artifactsResponse, 'Artifacts'), 404: problem('Unknown plan'), ...commonErrors } },
  {
    method: 'get',
    path: '/v1/plans/{id}/artifacts/{stepId}',
    summary: "One step's artifact",
    request: { params: z.object({ id: z.uuid(), stepId: z.string() }) },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'The artifact'), 404: problem('Unknown plan, step, or step not completed'), ...commonErrors },
  },
  {
    method: 'get',
    path: '/v1/plans/{id}/documents',
    summary: "The demand pack's documents",
    request: { params: planId },
    responses: { 200: json(api.documentsResponse, 'Document names and links'), 404: problem('Unknown plan'), ...commonErrors },
  },
  {
    method: 'get',
    path: '/v1/plans/{id}/documents/{name}',
    summary: 'One document: timeline.csv, demand-letter.md, demand-letter.docx or demand-letter.pdf',
    description: 'Rendered from the recorded artifacts (the letter the assembly step recorded); the same plan always gives the same bytes.',
    request: { params: z.object({ id: z.uuid(), name: z.enum(['timeline.csv', 'demand-letter.md', 'demand-letter.docx', 'demand-letter.pdf']) }) },
    responses: {
      200: {
        description: 'The document',
        content: {
          'text/csv': { schema: { type: 'string' } },
          'text/markdown': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
          'application/pdf': { schema: { type: 'string', format: 'binary' } },
        },
      },
      404: problem('Unknown plan or document name'),
      409: problem('The steps the document needs have not completed'),
      ...commonErrors,
    },
  },
  { method: 'get', path: '/v1/plans/{id}/events', summary: 'The event history, with hashes', request: { params: planId }, responses: { 200: json(api.eventsResponse, 'Events'), 404: problem('Unknown plan'), ...commonErrors } },
  { method: 'get', path: '/v1/plans/{id}/audit', summary: 'Verify the hash chain', request: { params: planId }, responses: { 200: json(api.auditResponse, 'Verification'), 404: problem('Unknown plan'), ...commonErrors } },
  { method: 'get', path: '/v1/plans/{id}/stream', summary: 'Server-sent events with the plan until it settles', request: { params: planId }, responses: { 200: { description: 'text/event-stream of `plan` events' }, 404: problem('Unknown plan'), ...commonErrors } },
  {
    method: 'post',
    path: '/orchestrator/plan',
    summary: 'Python API: plan a matter',
    request: { body: { content: { 'application/json': { schema: compatPlanRequest } } } },
    responses: { 200: { description: 'Upstream plan shape' }, 400: problem('Malformed JSON'), 422: problem('Invalid fields'), ...commonErrors },
  },
  {
    method: 'post',
    path: '/orchestrator/execute',
    summary: 'Python API: execute a plan or a matter',
    request: { body: { content: { 'application/json': { schema: compatExecuteRequest } } } },
    responses: {
      200: { description: 'Upstream execution shape' },
      202: { description: 'Still running after EXECUTE_WAIT_SECONDS' },
      400: problem('Neither plan_id nor matter, or malformed JSON'),
      404: problem('Unknown plan'),
      409: problem('The plan already settled'),
      413: problem('Body too large'),
      422: problem('Invalid fields, or plan_id together with matter'),
      ...commonErrors,
    },
  },
  { method: 'get', path: '/orchestrator/plans/{id}', summary: 'Python API: a stored plan', request: { params: z.object({ id: z.string() }) }, responses: { 200: { description: 'Upstream plan shape' }, 404: problem('Unknown plan'), ...commonErrors } },
  { method: 'get', path: '/orchestrator/artifacts/{id}', summary: "Python API: the last execution's artifacts by agent", request: { params: z.object({ id: z.string() }) }, responses: { 200: { description: 'Artifacts by agent' }, 404: problem('No execution'), ...commonErrors } },
];

let document: object | undefined;

export function openApiDocument(): object {
  if (document !== undefined) return document;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'X-API-Key' });
  for (const route of routes) {
    const open = route.path.startsWith('/health') || route.path === '/openapi.json';
    registry.registerPath({ ...route, ...(open ? {} : { security: [{ bearer: [] }, { apiKey: [] }] }) });
  }
  document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Themis API', version: '0.1.0', description: 'Plans of agent steps over personal-injury matters, kept as an auditable event history.' },
  });
  return document;
}

/** Methods each documented path answers, for 405 + Allow. */
export function allowedMethods(path: string): Method[] {
  return routes
    .filter((route) => new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`).test(path))
    .map((route) => route.method);
}
