import type { AgentName, JsonValue, LlmCall } from '@themis/domain';

/** A request for prose written on top of facts the engines computed. The model never changes the facts. */
export interface WriteRequest {
  readonly agent: AgentName;
  /** What the text is for, e.g. `theory_of_the_case`; recorded with the call. */
  readonly purpose: string;
  readonly instructions: string;
  /** The computed facts the text must rest on. */
  readonly facts: JsonValue;
  /** Deterministic text built from the facts by the offline engine; what the offline provider returns. */
  readonly draft: string;
}

export interface WriteResult {
  readonly text: string;
  /** The call as it will be recorded in StepCompleted: model, prompt hash, tokens, cost. */
  readonly call: LlmCall;
}

/** The port the agents use to reach a language model (or the offline provider). */
export interface AgentLlm {
  write(request: WriteRequest): Promise<WriteResult>;
}
