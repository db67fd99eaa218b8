export * from './memory-cache.ts';
export * from './plan-list.ts';
export * from './plan-reader.ts';
export * from './plan-stream.ts';
export * from './plan-summaries.projector.ts';
export * from './plan-view.ts';
export * from './plan-service.ts';
