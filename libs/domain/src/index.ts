export * from './errors.ts';
export * from './json.ts';
export * from './plan/index.ts';
