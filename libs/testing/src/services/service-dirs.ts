import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root (this file lives in libs/testing/src/services). */
export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * Where local test services keep their data. Outside the checkout, under the system's temporary
 * directory, because as root the servers run as the `postgres` user, which may not be able to
 * enter the checkout; one folder per checkout so two checkouts do not share a server.
 */
export function servicesDir(): string {
  const id = createHash('sha256').update(workspaceRoot).digest('hex').slice(0, 12);
  return path.join(tmpdir(), `themis-services-${id}`);
}
