import { execFileSync } from 'node:child_process';
import { BUILD_DIST_ARGUMENTS, entryOf } from '../compiled-entry';

let built: boolean | undefined;

/** The incremental build into dist/, run once per suite. */
function buildOnce(): boolean {
  built ??= (() => {
    try {
      execFileSync(process.execPath, BUILD_DIST_ARGUMENTS, { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  return built;
}

/** node's arguments to run a TypeScript entry as its own process, as `npm run import` and the import's child run (`entryOf`). */
export function nodeArgumentsFor(source: string): string[] {
  const { file, execArgv } = entryOf(source, buildOnce());
  return [...execArgv, file];
}
