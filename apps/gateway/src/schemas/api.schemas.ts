import { agentNameSchema, stepErrorSchema, usageSchema } from '@themis/domain';
import { matterSchema } from '@themis/legal';
import { z } from 'zod';

// Schemas of the HTTP API. Requests are validated with them; responses are documented with them
// (and the e2e suite checks real responses against them), and /openapi.json is generated from them.

const template = z.string().optional().meta({ description: 'Plan template; `pi-demand` (the default) is LDA → DEA → LSA.' });

/** The envelope; the matter inside is checked by the legal library's validateMatter, whose schema documents it. */
export const createPlanRequest = z.strictObject({ matter: z.record(z.string(), z.unknown()), template });

/** What /openapi.json shows for the same body: the full matter schema. */
export const createPlanRequestDoc = z
  .strictObject({
    matter: matterSchema.meta({
      id: 'Matter',
      description: 'A personal-injury matter in the API shape or the PI-native shape (see docs/matter.md). Stored exactly as sent.',
    }),
    template,
  })
  .meta({ id: 'CreatePlanRequest' });

export const executeRequest = z.strictObject({}).meta({ id: 'ExecuteRequest', description: 'Empty; the body may be omitted.' });

export const planIdParam = z.object({ id: z.uuid() });

export const asOfQuery = z.object({
  asOf: z
    .string()
    .optional()
    .meta({ description: 'A stream version (e.g. `3`) or an ISO time: the plan as it was then.' }),
});

const planStatus = z.enum(['planned', 'running', 'completed', 'failed', 'cancelled']);

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: planStatus.optional(),
});

// The domain's own schemas, so the documented shapes cannot drift from what the code records.
const usage = usageSchema.meta({ id: 'Usage' });

export const stepView = z
  .object({
    id: z.string(),
    agent: agentNameSchema,
    task: z.string().nullable(),
    description: z.string(),
    dependsOn: z.array(z.string()),
    inputs: z.array(z.string()),
    status: z.enum(['pending', 'dispatched', 'retry_scheduled', 'completed', 'failed']),
    attempt: z.number().int(),
    dispatchedAt: z.string().nullable(),
    timeoutAt: z.string().nullable(),
    retryAt: z.string().nullable(),
    settledAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    error: stepErrorSchema.nullable(),
    usage,
    models: z.array(z.string()),
  })
  .meta({ id: 'Step' });

export const planView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    template: z.string(),
    status: planStatus,
    version: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    settledAt: z.string().nullable(),
    failedSteps: z.array(z.string()),
    cancelReason: z.string().nullable(),
    steps: z.array(stepView),
    usage,
    matter: z.unknown(),
  })
  .meta({ id: 'Plan' });

export const executionResult = z
  .object({ plan: planView, artifacts: z.record(z.string(), z.unknown()).meta({ description: 'Artifacts of completed steps, by step id.' }) })
  .meta({ id: 'ExecutionResult' });

export const planList = z
  .object({
    items: z.array(planView.pick({ id: true, title: true, template: true, status: true, version: true, createdAt: true }).extend({ updatedAt: z.string() })),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'PlanList' });

export const artifactsResponse = z
  .object({ planId: z.uuid(), status: z.string(), artifacts: z.record(z.string(), z.unknown()) })
  .meta({ id: 'Artifacts' });

export const recordedEvent = z
  .object({
    eventId: z.uuid(),
    streamId: z.string(),
    streamVersion: z.number().int(),
    globalPosition: z.number().int(),
    transactionId: z.string(),
    type: z.string(),
    schemaVersion: z.number().int(),
    data: z.unknown(),
    metadata: z.object({ actor: z.string(), correlationId: z.string(), causationId: z.string().nullable(), traceparent: z.string().nullable() }),
    occurredAt: z.string(),
    recordedAt: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'Event' });

export const documentsResponse = z
  .object({ planId: z.uuid(), status: z.string(), documents: z.array(z.object({ name: z.string(), href: z.string() })) })
  .meta({ id: 'Documents' });

export const eventsResponse = z.object({ planId: z.uuid(), events: z.array(recordedEvent) }).meta({ id: 'Events' });

export const auditResponse = z
  .object({
    planId: z.uuid(),
    valid: z.boolean(),
    eventCount: z.number().int(),
    headHash: z.string().nullable(),
    firstBreak: z.object({ streamVersion: z.number().int(), reason: z.string() }).nullable(),
  })
  .meta({ id: 'Audit' });

export const problem = z
  .object({
    type: z.string(),
    status: z.number().int(),
    code: z.string(),
    title: z.string(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });

export const health = z.object({ status: z.string() }).loose().meta({ id: 'Health' });
