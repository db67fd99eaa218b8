// `npm test`: the type check, the lint, then every jest suite (unit, integration, end to end).
// Integration suites get their PostgreSQL servers from the jest global setup, which installs
// and starts them when absent (or uses testcontainers where a Docker engine is reachable).
// Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJest } from './jest.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const bin = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

function node(script: string, args: string[], quiet = false): Promise<number> {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: quiet ? 'ignore' : 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function step(label: string, work: () => Promise<number>): Promise<number> {
  const started = performance.now();
  process.stderr.write(`\n▶ ${label}\n`);
  const code = await work();
  process.stderr.write(`${code === 0 ? '✓' : '✗'} ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  return code;
}

const results = [
  await step('type check (tsc -b)', () => node(bin('typescript', 'bin/tsc'), ['-b'])),
  // The module-boundary rule reads Nx's cached project graph; on a fresh clone there is none
  // and the rule would be skipped, so compute the graph first.
  await step('lint (eslint, Nx module boundaries)', async () => (await node(bin('nx', 'dist/bin/nx.js'), ['show', 'projects'], true)) || node(bin('eslint', 'bin/eslint.js'), ['--max-warnings', '0', '.'])),
  await step('tests (jest: unit, int, e2e)', () => runJest(process.argv.slice(2))),
];
process.exitCode = results.every((code) => code === 0) ? 0 : 1;
