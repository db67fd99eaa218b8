import type { LlmCall } from '@themis/domain';
import type { AgentLlm, WriteRequest } from '../ports/agent-llm.ts';

/** A test double of the LLM port: returns the draft (or a rewrite of it) and records every request and call. */
export function recordingLlm(rewrite: (request: WriteRequest) => string = (request) => request.draft): { llm: AgentLlm; requests: WriteRequest[]; calls: LlmCall[] } {
  const requests: WriteRequest[] = [];
  const calls: LlmCall[] = [];
  const llm: AgentLlm = {
    write: (request) => {
      requests.push(request);
      const call: LlmCall = { provider: 'test', model: 'recording', purpose: request.purpose, promptHash: `hash-${requests.length}`, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0, durationMs: 0 };
      calls.push(call);
      return Promise.resolve({ text: rewrite(request), call });
    },
  };
  return { llm, requests, calls };
}

/** The clock used by the specs: 2025-06-01, so 2024 incidents have open deadlines. */
export const SPEC_NOW = new Date('2025-06-01T12:00:00Z');
