export * from './offline-provider.ts';
