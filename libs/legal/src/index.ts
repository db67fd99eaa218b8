export * from './agents/agent.ts';
export * from './ports/agent-llm.ts';
export * from './templates/pi-demand.template.ts';
