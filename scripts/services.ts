// `npm run services:up|down|status`: the local services the integration tests use when no Docker
// engine is reachable — PostgreSQL 15 from Debian's package, on a data directory of this checkout's
// own under the system temp directory. Idempotent: `up` on a running service only checks it.
import { startLocalPostgres15, stopLocalPostgres15, servicesDir } from '@themis/testing';

const command = process.argv[2] ?? 'status';
switch (command) {
  case 'up': {
    const pg = await startLocalPostgres15();
    process.stdout.write(`PostgreSQL ${pg.major}: ${pg.url}${pg.alreadyRunning ? ' (already running)' : ''}\n`);
    break;
  }
  case 'down': {
    const stopped = await stopLocalPostgres15();
    process.stdout.write(stopped ? 'PostgreSQL stopped.\n' : 'PostgreSQL was not running.\n');
    break;
  }
  case 'status':
    process.stdout.write(`Service data lives in ${servicesDir()}\n`);
    break;
  default:
    process.stderr.write('usage: node scripts/services.ts up|down|status\n');
    process.exitCode = 2;
}
