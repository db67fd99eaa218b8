import { createHash } from 'node:crypto';
import type { AgentLlm, WriteRequest, WriteResult } from '@themis/legal';

export const OFFLINE_PROVIDER = 'offline';
export const OFFLINE_MODEL = 'themis-offline-1';

/** Hash of what a model would have been asked, so an audit can match a call to its prompt. */
export function promptHash(request: Pick<WriteRequest, 'instructions' | 'facts' | 'purpose'>): string {
  return createHash('sha256').update(JSON.stringify([request.purpose, request.instructions, request.facts])).digest('hex');
}

/**
 * The provider used when no model is configured: it returns the engine's deterministic draft,
 * written from the computed facts, and records the call with zero tokens and zero cost.
 */
export class OfflineProvider implements AgentLlm {
  write(request: WriteRequest): Promise<WriteResult> {
    const started = performance.now();
    return Promise.resolve({
      text: request.draft,
      call: {
        provider: OFFLINE_PROVIDER,
        model: OFFLINE_MODEL,
        purpose: request.purpose,
        promptHash: promptHash(request),
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        costUsd: 0,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      },
    });
  }
}
