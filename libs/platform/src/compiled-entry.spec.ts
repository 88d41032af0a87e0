import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { threadEntryOf } from './compiled-entry';

const ROOT = join(__dirname, '../../..');

describe("a worker thread's entry", () => {
  it('given a compiled entry (a compiled process), when asked, then it is the entry itself with the process\'s own flags', async () => {
    await expect(threadEntryOf('/srv/case-journey/dist/apps/api/src/imports/line-validation.worker.js')).resolves.toEqual({ file: '/srv/case-journey/dist/apps/api/src/imports/line-validation.worker.js' });
  });

  it("given a TypeScript entry (jest), when asked, then it is dist/'s JavaScript, built, started with no flag", async () => {
    const entry = await threadEntryOf(join(ROOT, 'apps/api/src/imports/line-validation.worker.ts'));
    expect(entry).toEqual({ file: join(ROOT, 'dist/apps/api/src/imports/line-validation.worker.js'), execArgv: [] });
    expect(existsSync(entry.file)).toBe(true);
  });
});
