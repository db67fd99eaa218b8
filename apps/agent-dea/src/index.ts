export * from './agent-dea.service.ts';
