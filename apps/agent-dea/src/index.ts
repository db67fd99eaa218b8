import { type AgentServiceDeps, startAgentService, type Subscription } from '@themis/messaging';

/** The doctrinal expert: issues, elements, jurisdiction rules and authorities. */
export const startDEAService = (deps: AgentServiceDeps): Promise<Subscription> => startAgentService('dea', deps);
