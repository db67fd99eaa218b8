import type { AgentName, JsonValue } from '@themis/domain';
import { type DeaArtifact, deaArtifactSchema, type LdaArtifact, ldaArtifactSchema, type LsaArtifact, lsaArtifactSchema } from '@themis/legal';
import type { DocumentName } from './document-names.ts';
import { MissingArtifactError } from './missing-artifact.error.ts';

interface ArtifactSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

const schemas: { lda: ArtifactSchema<LdaArtifact>; dea: ArtifactSchema<DeaArtifact>; lsa: ArtifactSchema<LsaArtifact> } = {
  lda: ldaArtifactSchema,
  dea: deaArtifactSchema,
  lsa: lsaArtifactSchema,
};
type ArtifactOf<A extends keyof typeof schemas> = typeof schemas[A] extends ArtifactSchema<infer T> ? T : never;

/** An agent's main analysis: it names the agent and no task (the demand pack names its task). */
const isAgentArtifact = (value: JsonValue, agent: AgentName): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && value.agent === agent && value.task === undefined;

/**
 * The artifact `agent` produced, found by its `agent` field (step ids are the plan's business)
 * and checked against its schema, or a MissingArtifactError naming the agent and what is wrong.
 */
export function requireArtifact<A extends keyof typeof schemas>(artifacts: Readonly<Record<string, JsonValue>>, agent: A, document: DocumentName): ArtifactOf<A> {
  const entry = Object.entries(artifacts).find(([, value]) => isAgentArtifact(value, agent));
  if (entry === undefined) throw new MissingArtifactError(agent, document, `no ${agent.toUpperCase()} artifact among the completed steps`);
  const [stepId, value] = entry;
  const parsed = (schemas[agent] as ArtifactSchema<ArtifactOf<A>>).safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined ? '' : ` (${first.path.map(String).join('.') || '(root)'}: ${first.message})`;
  throw new MissingArtifactError(agent, document, `the artifact of step "${stepId}" does not match the ${agent.toUpperCase()} schema${where}`);
}
