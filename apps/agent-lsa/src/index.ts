export * from './agent-lsa.service.ts';
