import type { AgentLlm, AgentRunner } from '@themis/legal';
import { type MessageBus, startAgentWorker, type Subscription } from '@themis/messaging';
import type { Logger } from '@themis/telemetry';

export interface LDAServiceDeps {
  readonly bus: MessageBus;
  readonly llm: AgentLlm;
  readonly logger: Logger;
  readonly runner: AgentRunner;
  readonly clock?: () => Date;
}

/** The legal data analyst service: consumes LDA tasks, runs the LDA, publishes its result. */
export function startLDAService(deps: LDAServiceDeps): Promise<Subscription> {
  const clock = deps.clock ?? (() => new Date());
  return startAgentWorker({
    agent: 'lda',
    bus: deps.bus,
    logger: deps.logger,
    run: (task) => deps.runner({ matter: task.matter, inputs: task.inputs }, { llm: deps.llm, now: clock() }),
  });
}
