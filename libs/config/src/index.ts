export * from './config.ts';
export { environmentSchema } from './config.schema.ts';
export * from './test-environment.ts';
