import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Makes sure a command-line tool from a Debian package is installed (root: apt-get install),
 * e.g. pdftoppm from poppler-utils to render PDFs in tests. Throws saying what to install otherwise.
 */
export function ensureDebianTool(command: string, debianPackage: string): string {
  const path = ['/usr/bin', '/usr/local/bin', '/bin'].map((dir) => `${dir}/${command}`).find((candidate) => existsSync(candidate));
  if (path !== undefined) return path;
  if (process.getuid?.() !== 0) {
    throw new Error(`The tests need ${command}. Install it with "sudo apt-get install -y ${debianPackage}".`);
  }
  process.stderr.write(`[services] installing ${debianPackage} with apt-get (for ${command})…\n`);
  const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', debianPackage], { stdio: 'inherit', env });
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', debianPackage], { stdio: 'inherit', env });
  }
  const installed = `/usr/bin/${command}`;
  if (!existsSync(installed)) throw new Error(`apt-get installed ${debianPackage}, but ${installed} is missing`);
  return installed;
}
