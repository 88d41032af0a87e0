import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { nodeArgumentsFor } from '../../platform/src/testing/compiled-entry';

/** A process opening the key file, as an app does at its start: what it said once it ended. */
function opener(filename: string) {
  const child = spawn(process.execPath, [...nodeArgumentsFor(join(__dirname, 'testing/open-key-store.main.ts')), filename], { stdio: ['ignore', 'pipe', 'inherit'] });
  let said = '';
  const opening = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()).startsWith('opening') && resolve()));
  const ended = new Promise<string>((resolve) => child.once('close', () => resolve(said)));
  return { opening, ended };
}

describe('a key file opened by several processes at once (npm start: the APIs and the worker)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a key file from before holds, written to by another process while two open it, then both open it and it gains each hold column once', async () => {
    const filename = join(dir, 'keys.db');
    const other = new Database(filename);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE victim_keys (key_id TEXT PRIMARY KEY, key BLOB, destroyed_at TEXT); CREATE TABLE key_store_settings (name TEXT PRIMARY KEY, value BLOB NOT NULL);');
    other.exec('BEGIN IMMEDIATE');
    const openers = [opener(filename), opener(filename)];
    await Promise.all(openers.map((one) => one.opening));
    await sleep(1000); // both at the write lock, having looked at the columns if they look before taking it
    other.exec('COMMIT');
    other.close();

    expect(await Promise.all(openers.map((one) => one.ended))).toEqual(['opening\nopened\n', 'opening\nopened\n']);
    const file = new Database(filename, { readonly: true });
    expect((file.pragma('table_info(victim_keys)') as Array<{ name: string }>).map((column) => column.name)).toEqual(['key_id', 'key', 'destroyed_at', 'holds', 'confirmed']);
    file.close();
  }, 60_000);
});
