import type { Logger } from 'pino';

/**
 * Keeps a service process running until SIGINT or SIGTERM, then runs `stop` (which finishes work in
 * flight) and exits 0, or 1 if stopping failed. A second signal while stopping exits at once.
 */
export function stopOnSignal(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: finishing work in flight');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Runs a service's start-up; a failure is logged and ends the process with 1 (78 for configuration). */
export async function runService(logger: Logger, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    const configuration = error instanceof Error && error.name === 'ConfigError';
    if (configuration) process.stderr.write(`${error.message}\n`);
    else logger.fatal({ err: error }, 'could not start');
    process.exit(configuration ? 78 : 1);
  }
}
