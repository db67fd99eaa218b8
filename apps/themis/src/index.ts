export * from './commands/sample-request.ts';
export * from './commands/serve.command.ts';
export * from './runtime/runtime.ts';
