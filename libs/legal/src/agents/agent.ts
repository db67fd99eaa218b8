import type { AgentName, JsonValue, LlmCall } from '@themis/domain';
import type { AgentLlm } from '../ports/agent-llm.ts';

export interface AgentInput {
  /** The matter exactly as the client sent it (not yet normalised). */
  readonly matter: JsonValue;
  /** Artifacts of the upstream steps, keyed by step id; each artifact names its `agent`. */
  readonly inputs: Readonly<Record<string, JsonValue>>;
  /** What the agent is asked to do (a template step's `task`); absent means its main analysis. */
  readonly task?: string;
}

export interface AgentContext {
  readonly llm: AgentLlm;
  /** The clock, for "days until the deadline"; passed in so runs are reproducible in tests. */
  readonly now: Date;
}

export interface AgentOutput {
  /** The agent's artifact: `{ agent, …, provenance, unresolvedIssues }`, validated by the agent's schema. */
  readonly artifact: JsonValue;
  readonly llmCalls: readonly LlmCall[];
}

export type AgentRunner = (input: AgentInput, context: AgentContext) => Promise<AgentOutput>;

export type AgentRunners = Readonly<Record<AgentName, AgentRunner>>;
