import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';

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

let builtForThreads: Promise<boolean> | undefined;

/**
 * How a worker thread runs a TypeScript entry of this repository. A compiled process (production)
 * starts the entry's compiled sibling, `source` itself, with the process's own flags. A
 * process run from TypeScript (jest, swc at run time) starts dist/'s JavaScript once the incremental
 * build, run once per process and off its event loop, holds it; else the TypeScript under
 * @swc-node/register, which compiled the thread's modules at each start (about 0.4 s of CPU a
 * thread at load 3-4 on this 2-core machine, waited for before the thread's first message).
 */
export async function threadEntryOf(source: string): Promise<{ file: string; execArgv?: string[] }> {
  if (extname(source) !== '.ts') return { file: source };
  builtForThreads ??= promisify(execFile)(process.execPath, BUILD_DIST_ARGUMENTS).then(
    () => true,
    () => false,
  );
  const { file, execArgv } = entryOf(source, await builtForThreads);
  // dist/'s JavaScript needs no flag (@swc-node/register, inherited, would compile it again); the
  // TypeScript needs the register, which a process already under it passes on by itself.
  if (execArgv.length === 0) return { file, execArgv: [] };
  return { file, execArgv: process.execArgv.some((arg) => arg.includes('@swc-node/register')) ? undefined : [...process.execArgv, ...execArgv] };
}
