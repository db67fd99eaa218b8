// Test fixture: starts the embedded server on the data directory given as argument, prints
// "ready <postgres pid>" and waits to be killed. Used to leave an orphaned server behind.
import { silentLogger } from '@themis/telemetry';
import { startEmbeddedPostgres } from '../embedded-postgres.ts';

const server = await startEmbeddedPostgres({ dataDir: process.argv[2]!, logger: silentLogger });
process.stdout.write(`ready ${server.pid}\n`);
setInterval(() => undefined, 60_000);
