export * from './agent-lda.service.ts';
