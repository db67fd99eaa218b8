import { type AgentServiceDeps, startAgentService, type Subscription } from '@themis/messaging';

/** The legal strategist: theory, settlement range, negotiation plan, risks. */
export const startLSAService = (deps: AgentServiceDeps): Promise<Subscription> => startAgentService('lsa', deps);
