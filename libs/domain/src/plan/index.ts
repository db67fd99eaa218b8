export * from './plan.commands.ts';
export * from './plan.decide.ts';
export * from './plan.events.ts';
export * from './plan.graph.ts';
export * from './plan.schemas.ts';
export * from './plan.state.ts';
