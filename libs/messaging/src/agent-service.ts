import type { AgentName } from '@themis/domain';
import type { AgentLlm, AgentRunner } from '@themis/legal';
import type { Logger } from '@themis/telemetry';
import { startAgentWorker } from './agent-worker.ts';
import type { MessageBus, Subscription } from './message-bus.ts';

export interface AgentServiceDeps {
  readonly bus: MessageBus;
  readonly llm: AgentLlm;
  readonly logger: Logger;
  readonly runner: AgentRunner;
  readonly clock?: () => Date;
}

/** An agent service: consumes the agent's task topic, runs its engine through the LLM port, publishes results. */
export function startAgentService(agent: AgentName, deps: AgentServiceDeps): Promise<Subscription> {
  const clock = deps.clock ?? (() => new Date());
  return startAgentWorker({
    agent,
    bus: deps.bus,
    logger: deps.logger,
    run: (task) => deps.runner({ matter: task.matter, inputs: task.inputs, ...(task.task === undefined ? {} : { task: task.task }) }, { llm: deps.llm, now: clock() }),
  });
}
