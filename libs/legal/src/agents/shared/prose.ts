import type { AgentName, JsonValue, LlmCall } from '@themis/domain';
import type { AgentLlm } from '../../ports/agent-llm.ts';

/** Collects the LLM calls of one agent run; every call made must end up in `llmCalls`. */
export class ProseWriter {
  readonly calls: LlmCall[] = [];
  readonly purposes: string[] = [];
  readonly #llm: AgentLlm;
  readonly #agent: AgentName;

  constructor(llm: AgentLlm, agent: AgentName) {
    this.#llm = llm;
    this.#agent = agent;
  }

  /** Prose written on top of computed facts; offline, the deterministic draft comes back as is. */
  async write(purpose: string, instructions: string, facts: JsonValue, draft: string): Promise<string> {
    const result = await this.#llm.write({ agent: this.#agent, purpose, instructions, facts, draft });
    this.calls.push(result.call);
    this.purposes.push(purpose);
    return result.text;
  }
}
