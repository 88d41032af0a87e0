import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeArgumentsFor } from '../../../../libs/platform/src/testing/compiled-entry';

const START_LIMIT_MS = 90_000;

/** The dev OpenID provider run as `npm start` runs it, as a process of its own, on a free port. */
export class DevProviderProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly keyDirectory: string,
    readonly issuer: string,
  ) {}

  /** `environment` adds settings, e.g. `DEV_WEB_REDIRECT_URIS` for a web app on a test port. */
  static async start(audience: string, environment: Record<string, string> = {}): Promise<DevProviderProcess> {
    const keyDirectory = mkdtempSync(join(tmpdir(), 'cj-dev-oidc-'));
    const child = spawn(process.execPath, nodeArgumentsFor(join(__dirname, '..', 'main.ts')), {
      env: { ...process.env, ...environment, DEV_OIDC_PORT: '0', OIDC_AUDIENCE: audience, DEV_OIDC_KEY_FILE: join(keyDirectory, 'key.json'), NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const issuer = await new Promise<string>((resolve, reject) => {
      // Starting the provider takes seconds on a loaded machine; a child that never
      // answers is killed, so that a failed start leaves no process holding the test run open.
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`The dev provider did not start within ${START_LIMIT_MS / 1000} s:\n${output}`));
      }, START_LIMIT_MS);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /dev OpenID provider on (http:\/\/\S+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The dev provider exited (${code}):\n${output}`));
      });
    });
    return new DevProviderProcess(child, keyDirectory, issuer);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.keyDirectory, { recursive: true, force: true });
  }
}
