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

function run(label: string, script: string, args: string[]): Promise<number> {
  const started = performance.now();
  process.stderr.write(`\n▶ ${label}\n`);
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      process.stderr.write(`${code === 0 ? '✓' : '✗'} ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      resolve(code ?? 1);
    }),
  );
}

const jestArgs = process.argv.slice(2);
const steps: [string, () => Promise<number>][] = [
  ['type check (tsc -b)', () => run('type check (tsc -b)', require.resolve('typescript/bin/tsc'), ['-b'])],
  ['lint (eslint)', () => run('lint (eslint)', path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js'), ['--max-warnings', '0', '.'])],
  [
    'tests (jest: unit, int, e2e)',
    async () => {
      const started = performance.now();
      process.stderr.write('\n▶ tests (jest: unit, int, e2e)\n');
      const code = await runJest(jestArgs);
      process.stderr.write(`${code === 0 ? '✓' : '✗'} tests (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      return code;
    },
  ],
];

let failed = 0;
for (const [, step] of steps) if ((await step()) !== 0) failed += 1;
process.exitCode = failed === 0 ? 0 : 1;
