export * from './logger.ts';
export * from './process-lifecycle.ts';
