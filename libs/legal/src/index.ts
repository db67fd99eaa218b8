export * from './agents/agent.ts';
export * from './ports/agent-llm.ts';
export * from './templates/pi-demand.template.ts';

// Runners and agents
export { createAgentRunners, type AgentRunnersOptions } from './runners.ts';
export { createLdaAgent, LDA_ENGINE, type LdaAgentOptions } from './agents/lda/lda.agent.ts';
export { createDeaAgent, DEA_ENGINE, type DeaAgentOptions } from './agents/dea/dea.agent.ts';
export { createLsaAgent, LSA_ENGINE, type LsaAgentOptions } from './agents/lsa/lsa.agent.ts';
export { defaultLdaTools, type LdaTools } from './agents/lda/lda.tools.ts';
export { defaultDeaTools, type DeaTools } from './agents/dea/dea.tools.ts';
export { defaultLsaTools, type LsaTools } from './agents/lsa/lsa.tools.ts';
export { defineTool, type AgentTool } from './agents/shared/tool.ts';
export { ldaArtifactSchema, type LdaArtifact } from './agents/lda/lda.schema.ts';
export { deaArtifactSchema, type DeaArtifact } from './agents/dea/dea.schema.ts';
export { lsaArtifactSchema, type LsaArtifact } from './agents/lsa/lsa.schema.ts';

// Matter
export { matterSchema, type MatterInput } from './matter/matter.schema.ts';
export { validateMatter, unwrapMatter, type MatterValidation } from './matter/matter.validate.ts';
export { normalizeMatter } from './matter/matter.normalize.ts';
export { normalizedMatterSchema, type NormalizedMatter, type NormalizedParty, type MatterDate } from './matter/normalized-matter.schema.ts';
export { matterTitle } from './matter/matter-title.ts';
export { parseMatterText } from './matter/matter.parse.ts';

// Rules
export { authoritiesTable } from './rules/authorities.table.ts';
export { authorityById, cite, isCuratedCitation } from './rules/authorities.ts';
export { stateCodes, type Authority, type CitedAuthority, type ClientAuthority, type StateCode, type Verification } from './rules/authority.schema.ts';
export { lookupJurisdiction, type JurisdictionLookup } from './rules/jurisdiction.ts';
export { computeDeadline, periodText } from './rules/deadline.ts';
export { limitationFor, type ClaimKind, type LimitationFacts } from './rules/limitation.ts';
export { faultRuleFor, applyComparativeFault, type FaultApplication } from './rules/fault.ts';
export { capsFor, micraCaps } from './rules/caps.ts';
export { jurisdictionRules, type MatterRuleFacts } from './rules/jurisdiction-rules.ts';
export { stateRules } from './rules/state-rules.ts';
export type { Period, StateRules } from './rules/state-rules.types.ts';
export { jurisdictionBlockSchema, deadlineSchema, type Deadline, type JurisdictionBlock, type Limitation, type FaultRule, type Cap } from './rules/rules-output.schema.ts';
