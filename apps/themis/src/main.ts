#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type ThemisConfig } from '@themis/config';
import { isDomainError } from '@themis/domain';
import { StartupError } from '@themis/event-store';
import { categoryLogger, createLogger, type Logger } from '@themis/telemetry';
import { deadLetterCommand } from './commands/dlq.command.ts';
import { replay } from './commands/replay.command.ts';
import { runMatterFile } from './commands/run.command.ts';
import { banner, serve } from './commands/serve.command.ts';

const usage = `Usage: themis <command>

  serve                         Run the API (embedded: PostgreSQL 18, in-process bus) on PORT (8000)
  run <matter.json|.yaml>       Plan and execute one matter; writes plan, events and artifacts
      [--out <dir>] [--template <name>]
  replay <planId> [--as-of <version|ISO time>] [--json]
                                Fold a plan's stored history and print its state (no model is called)
  verify <planId>               Check a plan's hash chain
  dlq list|redrive [--json]     Dead letters on Kafka: list them, or put them back on their topics

Configuration comes from the environment; see docs/configuration.md.`;

/**
 * Until a command installs its own handler, a signal ends the process at once; the embedded
 * PostgreSQL's exit hook then stops the server and gives up the data directory's lock.
 */
let onSignal: (signal: NodeJS.Signals) => void = () => process.exit(130);
process.on('SIGINT', (signal) => onSignal(signal));
process.on('SIGTERM', (signal) => onSignal(signal));

async function serveUntilSignalled(config: ThemisConfig, logger: Logger): Promise<number> {
  const serving = await serve(config, logger);
  process.stdout.write(`\n${banner(serving, config)}\n`);
  categoryLogger(logger, 'themis').info({ url: serving.url, readyMs: Math.round(serving.readyMs) }, 'ready');
  return new Promise((resolve) => {
    let firstSignalAt: number | undefined;
    onSignal = (signal) => {
      // Ctrl-C reaches both npm and Themis, and npm passes it on: a second signal within a
      // moment is the same request; a later one means "stop now".
      if (firstSignalAt !== undefined) {
        if (performance.now() - firstSignalAt < 1_500) return;
        process.stderr.write('Stopping at once.\n');
        process.exit(130);
      }
      firstSignalAt = performance.now();
      process.stderr.write(`\n${signal}: finishing requests in flight and stopping PostgreSQL…\n`);
      serving
        .close()
        .then(() => resolve(0))
        .catch((error: unknown) => {
          categoryLogger(logger, 'themis').error({ err: error }, 'unclean stop');
          resolve(1);
        });
    };
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      template: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, argument] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const config = loadConfig();
  // A server logs to standard output; one-off commands keep it for their result (e.g. --json).
  const logger = createLogger({ level: config.log.level, ...(command === 'serve' ? {} : { destination: 'stderr' as const }) });
  switch (command) {
    case 'serve':
      return serveUntilSignalled(config, logger);
    case 'run':
      if (argument === undefined) throw new UsageError('themis run needs a matter file');
      return runMatterFile(
        config,
        createLogger({ level: config.log.level === 'info' ? 'warn' : config.log.level, destination: 'stderr' }),
        { file: argument, outDir: values.out, template: values.template },
        process.stdout,
      );
    case 'replay':
    case 'verify':
      if (argument === undefined) throw new UsageError(`themis ${command} needs a plan id`);
      return replay(config, logger, { planId: argument, asOf: values['as-of'], json: values.json, verifyOnly: command === 'verify' }, process.stdout);
    case 'dlq':
      return deadLetterCommand(config, logger, argument, values.json, process.stdout);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

// A closed pipe on our output (`npm start | head`, a terminal gone) must not turn a clean stop into a crash.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`themis: ${error.message}\n\n${usage}\n`);
    process.exitCode = 2;
  } else if (error instanceof ConfigError) {
    process.stderr.write(`themis: ${error.message}\n`);
    process.exitCode = 78;
  } else if (error instanceof StartupError) {
    process.stderr.write(`themis: ${error.message}\n`);
    process.exitCode = 1;
  } else if (isDomainError(error)) {
    const issues = error.issues.map((issue) => `\n  - ${issue.path}: ${issue.message}`).join('');
    process.stderr.write(`themis: ${error.message}${issues}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`themis: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
