export * from './auth.ts';
export * from './error-handler.ts';
export * from './health.ts';
export * from './json-body.ts';
export * from './problem.ts';
export * from './request-context.ts';
export * from './request-log.ts';
