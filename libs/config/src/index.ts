export * from './config.ts';
export { environmentSchema } from './config.schema.ts';
export * from './test-environment.ts';
export * from './distributed.ts';
