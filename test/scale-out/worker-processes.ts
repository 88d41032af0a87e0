import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { nodeArgumentsFor } from '../../libs/platform/src/testing/compiled-entry';

const ROOT = join(__dirname, '../..');

/** One app started as its own process (`apps/<app>/src/main.ts`, or a test's entry wrapping it), as `npm run worker` / `npm run api` do, but compiled beforehand. */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything it wrote, for a failure's message. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, as when a machine dies. Resolves once it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Sends a signal and returns at once (SIGSTOP pauses it as a long GC or a frozen VM would; SIGCONT resumes it). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves when its output matches `pattern`; rejects if it exits first. */
  said(pattern: RegExp): Promise<void>;
}

export function startApp(app: 'worker' | 'api', environment: Record<string, string>, entry = join(ROOT, `apps/${app}/src/main.ts`)): AppProcess {
  const child = spawn(process.execPath, nodeArgumentsFor(entry), {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    pid: child.pid!,
    output: () => output,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    signal: (signal) => void child.kill(signal),
    said: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
        void exited.then(() => reject(new Error(`${app} ${child.pid} exited before saying ${pattern}:\n${output.slice(-3000)}`)));
      }),
  };
}
