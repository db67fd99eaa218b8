export * from './agent-worker.ts';
export * from './contracts.ts';
export * from './in-process-bus.ts';
export * from './message-bus.ts';
export * from './topics.ts';
export * from './agent-service.ts';
