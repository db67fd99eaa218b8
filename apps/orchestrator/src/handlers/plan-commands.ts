import { decidePlan, type PlanCommand, type PlanEvent, type PlanState } from '@themis/domain';
import type { CommandHandler, EventMetadata, HandleResult } from '@themis/event-store';
import { planStreamId, type PlanReader } from '@themis/projections';
import { outboxMessages } from '../outbox-messages.ts';

export interface PlanCommandDeps {
  readonly handler: CommandHandler<PlanState, PlanEvent>;
  readonly reader: PlanReader;
  /** Told about every new state, to arm step timeouts and retries. */
  readonly onChange: (planId: string, state: PlanState, version: number) => void;
}

/** Decides a plan command against the stored stream, appends with its outbox, and caches the new state. */
export async function runPlanCommand(deps: PlanCommandDeps, planId: string, command: PlanCommand, metadata: EventMetadata): Promise<HandleResult<PlanState>> {
  const result = await deps.handler.handle(planStreamId(planId), (state) => decidePlan(command, state), {
    metadata,
    now: command.metadata.now,
    outbox: outboxMessages,
  });
  if (result.events.length > 0) {
    await deps.reader.remember(planId, result.state, result.version);
    deps.onChange(planId, result.state, result.version);
  }
  return result;
}
