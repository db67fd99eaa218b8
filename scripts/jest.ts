// Runs jest from the workspace root with ESM enabled, whatever the caller's working directory.
// Usage: node scripts/jest.ts [jest args…]   (a project's `npm test` passes its own folder as a path filter)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');

export function runJest(args: string[]): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jestBin, '--config', path.join(root, 'jest.config.js'), ...args],
    { cwd: root, stdio: 'inherit' },
  );
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await runJest(process.argv.slice(2));
}
