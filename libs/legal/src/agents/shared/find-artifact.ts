import type { AgentName, JsonValue } from '@themis/domain';
import type { z } from 'zod';

export type FoundArtifact<T> =
  | { readonly found: true; readonly stepId: string; readonly artifact: T }
  | { readonly found: false; readonly reason: string };

/** The upstream artifact produced by `agent` among the step inputs, checked against its schema. */
export function findArtifact<T>(inputs: Readonly<Record<string, JsonValue>>, agent: AgentName, schema: z.ZodType<T>): FoundArtifact<T> {
  const entries = Object.entries(inputs).filter(([, value]) => typeof value === 'object' && value !== null && !Array.isArray(value) && value.agent === agent);
  const [entry] = entries;
  if (entry === undefined) return { found: false, reason: `no ${agent.toUpperCase()} artifact among the inputs` };
  const [stepId, value] = entry;
  const checked = schema.safeParse(value);
  if (!checked.success) return { found: false, reason: `the ${agent.toUpperCase()} artifact of step "${stepId}" does not match its schema` };
  return { found: true, stepId, artifact: checked.data };
}
