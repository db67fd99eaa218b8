import type { EventMetadata } from '@themis/event-store';
import type { RequestContext } from '@themis/projections';

export const metadataOf = (context: RequestContext, causationId: string | null = context.correlationId): EventMetadata => ({
  actor: context.actor,
  correlationId: context.correlationId,
  causationId,
  traceparent: context.traceparent,
});
