import type { AgentRunners } from './agents/agent.ts';
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
}

/** The three offline engines as runners, keyed by agent name. */
export function createAgentRunners(options: AgentRunnersOptions = {}): AgentRunners {
  return Object.freeze({
    lda: createLdaAgent(options.tools?.lda === undefined ? {} : { tools: options.tools.lda }),
    dea: createDeaAgent(options.tools?.dea === undefined ? {} : { tools: options.tools.dea }),
    lsa: createLsaAgent(options.tools?.lsa === undefined ? {} : { tools: options.tools.lsa }),
  });
}
