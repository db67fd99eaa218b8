import type { AgentName } from '@themis/domain';

/**
 * A document was asked for before the step it depends on produced a usable artifact. It is
 * not a DomainError on purpose: the caller decides whether that is a conflict (the plan is not
 * complete) or a bug (a completed step stored an artifact its schema rejects).
 */
export class MissingArtifactError extends Error {
  override readonly name = 'MissingArtifactError';
  readonly code = 'missing_artifact';
  readonly agent: AgentName;
  readonly document: string;

  constructor(agent: AgentName, document: string, reason: string) {
    super(`${document} needs the ${agent.toUpperCase()} artifact: ${reason}`);
    this.agent = agent;
    this.document = document;
  }
}
