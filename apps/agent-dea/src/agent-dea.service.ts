import type { AgentLlm, AgentRunner } from '@themis/legal';
import { type MessageBus, startAgentWorker, type Subscription } from '@themis/messaging';
import type { Logger } from '@themis/telemetry';

export interface DEAServiceDeps {
  readonly bus: MessageBus;
  readonly llm: AgentLlm;
  readonly logger: Logger;
  readonly runner: AgentRunner;
  readonly clock?: () => Date;
}

/** The doctrinal expert service: consumes DEA tasks, runs the DEA, publishes its result. */
export function startDEAService(deps: DEAServiceDeps): Promise<Subscription> {
  const clock = deps.clock ?? (() => new Date());
  return startAgentWorker({
    agent: 'dea',
    bus: deps.bus,
    logger: deps.logger,
    run: (task) => deps.runner({ matter: task.matter, inputs: task.inputs }, { llm: deps.llm, now: clock() }),
  });
}
