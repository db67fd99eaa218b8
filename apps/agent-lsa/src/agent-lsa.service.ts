import type { AgentLlm, AgentRunner } from '@themis/legal';
import { type MessageBus, startAgentWorker, type Subscription } from '@themis/messaging';
import type { Logger } from '@themis/telemetry';

export interface LSAServiceDeps {
  readonly bus: MessageBus;
  readonly llm: AgentLlm;
  readonly logger: Logger;
  readonly runner: AgentRunner;
  readonly clock?: () => Date;
}

/** The legal strategist service: consumes LSA tasks, runs the LSA, publishes its result. */
export function startLSAService(deps: LSAServiceDeps): Promise<Subscription> {
  const clock = deps.clock ?? (() => new Date());
  return startAgentWorker({
    agent: 'lsa',
    bus: deps.bus,
    logger: deps.logger,
    run: (task) => deps.runner({ matter: task.matter, inputs: task.inputs }, { llm: deps.llm, now: clock() }),
  });
}
