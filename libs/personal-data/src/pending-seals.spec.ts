import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { InMemoryVictimKeyStore } from './in-memory-victim-key-store';
import { PersonalDataVault } from './personal-data-vault';
import { SqliteVictimKeyStore } from './sqlite-victim-key-store';
import { VictimDataErasedError, type VictimKeyStore } from './victim-key-store.port';

const alice = { name: 'Alice Example', dateOfBirth: '1990-04-01' };
const bob = { name: 'Bob Example' };

const directories: string[] = [];
const sqliteKeys = () => {
  const directory = mkdtempSync(join(tmpdir(), 'keys-'));
  directories.push(directory);
  return new SqliteVictimKeyStore({ filename: join(directory, 'keys.db') });
};
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

describe.each([
  ['in memory', () => new InMemoryVictimKeyStore()],
  ['in SQLite', sqliteKeys],
])('sealing a record before it is decided, keys %s', (_where, openStore: () => VictimKeyStore) => {
  let keys: VictimKeyStore;
  let vault: PersonalDataVault;
  beforeEach(() => {
    keys = openStore();
    vault = new PersonalDataVault(keys);
  });
  afterEach(() => keys.close?.());

  it('stores no key until the record is held, and then one that opens what was sealed', () => {
    const seals = vault.sealing();
    const sealed = seals.seal('v1', alice);
    expect(keys.existingKey('victim-v1')).toBeUndefined();
    expect(vault.open(sealed)).toEqual({ erased: true });

    expect(seals.hold()).toBe(true);
    seals.confirm();
    expect(vault.open(sealed)).toEqual(alice);
  });

  it('given a record refused once held, when released, then the key made for it is gone', () => {
    const seals = vault.sealing();
    seals.seal('v1', alice);
    expect(seals.hold()).toBe(true);
    seals.release();
    expect(keys.existingKey('victim-v1')).toBeUndefined();
  });

  it('never removes a key another record was appended with, nor one it found there', () => {
    const first = vault.sealing();
    const second = vault.sealing();
    first.seal('v1', alice);
    expect(first.hold()).toBe(true);
    // A second delivery of the same record finds the key stored by the first and seals with it.
    const sealed = second.seal('v1', alice);
    expect(second.hold()).toBe(true);
    second.confirm();
    first.release();
    expect(vault.open(sealed)).toEqual(alice);

    const existing = vault.sealing();
    existing.seal('v1', bob);
    expect(existing.hold()).toBe(true);
    existing.release();
    expect(vault.open(sealed)).toEqual(alice);
  });

  it('keeps a key while another record still holds it, and removes it when the last lets go', () => {
    const first = vault.sealing();
    first.seal('v1', alice);
    first.hold();
    const second = vault.sealing();
    second.seal('v1', alice);
    second.hold();
    first.release();
    expect(keys.existingKey('victim-v1')).toBeDefined();
    second.release();
    expect(keys.existingKey('victim-v1')).toBeUndefined();
  });

  it('holds nothing when another writer stored a different key for the victim first: seal again', () => {
    const late = vault.sealing();
    late.seal('v1', alice);
    late.seal('v2', bob);
    const early = vault.sealing();
    early.seal('v2', bob);
    expect(early.hold()).toBe(true);

    expect(late.hold()).toBe(false);
    expect(keys.existingKey('victim-v1')).toBeUndefined();
    early.release();
    expect(keys.existingKey('victim-v2')).toBeUndefined();
  });

  it('given several records held and confirmed together, then each answers as on its own, and what was held stays stored', () => {
    const first = vault.sealing();
    const sealedForFirst = first.seal('v1', alice);
    const refused = vault.sealing();
    refused.seal('v2', bob);
    const early = vault.sealing();
    early.seal('v2', bob);
    expect(early.hold()).toBe(true);

    const answers = vault.together(() => [first.hold(), refused.hold()]);
    expect(answers).toEqual([true, false]);
    vault.together(() => first.confirm());
    early.release();

    expect(vault.open(sealedForFirst)).toEqual(alice);
    expect(keys.existingKey('victim-v2')).toBeUndefined();
  });

  it('refuses to seal for an erased victim, and holds nothing for one erased after sealing', () => {
    vault.seal('v1', alice);
    vault.erase('v1');
    expect(() => vault.sealing().seal('v1', alice)).toThrow(VictimDataErasedError);

    const seals = vault.sealing();
    seals.seal('v2', bob);
    vault.erase('v2');
    expect(seals.hold()).toBe(false);
  });

  it('tells whether an envelope holds the same details, and cannot tell once the key is gone', () => {
    const sealed = vault.seal('v1', alice);
    expect(vault.holdsSame(sealed, { dateOfBirth: '1990-04-01', name: 'Alice Example' })).toBe(true);
    expect(vault.holdsSame(sealed, { ...alice, name: 'Alice Other' })).toBe(false);
    vault.erase('v1');
    expect(vault.holdsSame(sealed, alice)).toBeUndefined();
  });
});

describe('SqliteVictimKeyStore from before holds', () => {
  it('takes every key of an older key file as in use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const filename = join(dir, 'keys.db');
    try {
      const old = new Database(filename);
      old.exec('CREATE TABLE victim_keys (key_id TEXT PRIMARY KEY, key BLOB, destroyed_at TEXT)');
      old.prepare('INSERT INTO victim_keys (key_id, key) VALUES (?, ?)').run('victim-v1', Buffer.alloc(32, 7));
      old.close();

      const store = new SqliteVictimKeyStore({ filename });
      expect(store.hold('victim-v1', Buffer.alloc(32, 7))).toBe(true);
      store.release('victim-v1');
      expect(store.existingKey('victim-v1')).toEqual(Buffer.alloc(32, 7));
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
