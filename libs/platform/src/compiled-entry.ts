import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository, as seen from libs/platform/src when run from source (a compiled process starts its siblings directly). */
const ROOT = join(__dirname, '../../..');

/** node's arguments to run docker/build-dist.js: the incremental build into dist/, under a second when up to date. */
export const BUILD_DIST_ARGUMENTS = [join(ROOT, 'docker/build-dist.js'), '--quiet'];

/** Where docker/build-dist.js puts a TypeScript file of this repository: its JavaScript under dist/. */
const compiledFileOf = (source: string): string => join(ROOT, 'dist', relative(ROOT, source)).replace(/\.ts$/, '.js');

/**
 * How node runs a TypeScript entry of this repository as a process of its own: dist/'s JavaScript
 * when the build succeeded and holds it, else the TypeScript under @swc-node/register. Compiling at
 * each start costs a process seconds (10 s and more on a loaded 2-core machine) and about 90 MiB of RSS.
 */
export function entryOf(source: string, built: boolean): { file: string; execArgv: string[] } {
  const compiled = compiledFileOf(source);
  return built && existsSync(compiled) ? { file: compiled, execArgv: [] } : { file: source, execArgv: ['--require', '@swc-node/register'] };
}
