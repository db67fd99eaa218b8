import { type AgentServiceDeps, startAgentService, type Subscription } from '@themis/messaging';

/** The legal data analyst: parties, timeline, injuries, damages ledger, evidence gaps. */
export const startLDAService = (deps: AgentServiceDeps): Promise<Subscription> => startAgentService('lda', deps);
