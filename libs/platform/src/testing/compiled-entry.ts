import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../../..');

let built: boolean | undefined;

/** The incremental build into dist/ (docker/build-dist.js), run once per suite: under a second when up to date. */
function buildOnce(): boolean {
  built ??= (() => {
    try {
      execFileSync(process.execPath, [join(ROOT, 'docker/build-dist.js'), '--quiet'], { cwd: ROOT, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  return built;
}

/**
 * node's arguments to run a TypeScript entry of this repository as its own process: its JavaScript in
 * dist/, compiled from the same sources with the same swc settings, as `npm run import` and the
 * import's child run; if the build fails, the TypeScript itself under @swc-node/register. Compiling
 * at each start cost every process several seconds, 30 s and more on a loaded 2-core machine.
 */
export function nodeArgumentsFor(entry: string): string[] {
  const compiled = join(ROOT, 'dist', relative(ROOT, entry)).replace(/\.ts$/, '.js');
  return buildOnce() && existsSync(compiled) ? [compiled] : ['-r', '@swc-node/register', entry];
}
