import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SAMPLE = join(ROOT, 'apps/api/src/imports/mappings/samples/police-crime-extract.csv');

/** `npm run import` as the README gives it: its preimport step compiles to dist/, then node runs the JavaScript there. */
function npmRunImport(dataDirectory: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', 'import', '--', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDirectory, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import, compiled ahead of time', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'cj-import-compiled-'));
  afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('imports the police sample extract through its shipped mapping from dist/ (aliases resolved, the mapping files copied), then replays it', async () => {
    const first = await npmRunImport(dataDirectory, [SAMPLE, '--mapping', 'police-crime-extract']);
    expect(first.stderr).not.toMatch(/Error/);
    // The sample has 5 rows: 3 crime reports and 2 victim contacts.
    expect(first.stdout).toContain('lines read 5, accepted 5, replayed 0, rejected 0');
    expect(first.code).toBe(0);
    const compiled = join(ROOT, 'dist/apps/api/src/imports/import-cli.js');
    expect(existsSync(compiled)).toBe(true);
    expect(statSync(compiled).mtimeMs).toBeGreaterThanOrEqual(statSync(join(ROOT, 'apps/api/src/imports/import-cli.ts')).mtimeMs);
    expect(existsSync(join(ROOT, 'dist/apps/api/src/imports/mappings/police-crime-extract.json'))).toBe(true);

    const again = await npmRunImport(dataDirectory, [SAMPLE, '--mapping', 'police-crime-extract']);
    expect(again.stdout).toContain('lines read 5, accepted 0, replayed 5, rejected 0');
    expect(again.code).toBe(0);
  }, 120_000);
});
