import { validationError } from '@themis/domain';
import type { AgentRunner, AgentRunners } from './agents/agent.ts';
import { createDeaAgent, type DeaAgentOptions } from './agents/dea/dea.agent.ts';
import { createLdaAgent, type LdaAgentOptions } from './agents/lda/lda.agent.ts';
import { createLsaAgent, type LsaAgentOptions } from './agents/lsa/lsa.agent.ts';

export interface AgentRunnersOptions {
  /** Replacement tools per agent, by tool slot, e.g. `{ lda: { build_timeline: myTool } }`. */
  readonly tools?: {
    readonly lda?: LdaAgentOptions['tools'];
    readonly dea?: DeaAgentOptions['tools'];
    readonly lsa?: LsaAgentOptions['tools'];
  };
  /**
   * Further tasks a template step can ask an agent for (a step's `task`), by agent and task name,
   * e.g. the LSA's `assemble_demand_pack`, which the documents library provides.
   */
  readonly tasks?: { readonly lda?: Readonly<Record<string, AgentRunner>>; readonly dea?: Readonly<Record<string, AgentRunner>>; readonly lsa?: Readonly<Record<string, AgentRunner>> };
}

/** Runs the agent's main analysis, or the task the step names; an unknown task is a permanent error. */
function withTasks(agent: 'lda' | 'dea' | 'lsa', main: AgentRunner, tasks: Readonly<Record<string, AgentRunner>> = {}): AgentRunner {
  return (input, context) => {
    if (input.task === undefined) return main(input, context);
    const task = Object.hasOwn(tasks, input.task) ? tasks[input.task] : undefined;
    if (task === undefined) {
      return Promise.reject(validationError('unknown_task', `the ${agent.toUpperCase()} has no task "${input.task}"; it knows: ${Object.keys(tasks).join(', ') || 'none'}`));
    }
    return task(input, context);
  };
}

/** The three offline engines as runners, keyed by agent name. */
export function createAgentRunners(options: AgentRunnersOptions = {}): AgentRunners {
  return Object.freeze({
    lda: withTasks('lda', createLdaAgent(options.tools?.lda === undefined ? {} : { tools: options.tools.lda }), options.tasks?.lda),
    dea: withTasks('dea', createDeaAgent(options.tools?.dea === undefined ? {} : { tools: options.tools.dea }), options.tasks?.dea),
    lsa: withTasks('lsa', createLsaAgent(options.tools?.lsa === undefined ? {} : { tools: options.tools.lsa }), options.tasks?.lsa),
  });
}
